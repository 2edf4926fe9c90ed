//go:build linux

package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"

	"golang.org/x/sys/unix"
)

// startPinned starts cmd with its CPU affinity set to cpus from its first
// instruction: the fork is made from a thread pinned to cpus, and a new
// process inherits the affinity of the thread that forked it, so every
// thread the child's runtime makes is pinned too (setting it after the
// start would miss the threads already made). The thread gets its own
// affinity back afterwards.
func startPinned(cmd *exec.Cmd, cpus []int) error {
	var set unix.CPUSet
	for _, c := range cpus {
		if c >= len(set)*64 {
			return fmt.Errorf("CPU %d is beyond what sched_setaffinity takes", c)
		}
		set.Set(c)
	}
	done := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		var own unix.CPUSet
		if err := unix.SchedGetaffinity(0, &own); err != nil {
			runtime.UnlockOSThread()
			done <- fmt.Errorf("read this thread's CPUs: %w", err)
			return
		}
		if err := unix.SchedSetaffinity(0, &set); err != nil {
			runtime.UnlockOSThread()
			done <- fmt.Errorf("pin to CPUs %s: %w", formatCPUList(cpus), err)
			return
		}
		err := cmd.Start()
		if unix.SchedSetaffinity(0, &own) == nil {
			// Otherwise the goroutine ends locked, and its thread, still
			// pinned, ends with it.
			runtime.UnlockOSThread()
		}
		done <- err
	}()
	return <-done
}

// processCPUs is the CPUs process pid may run on, read back from the
// kernel for each of its threads (taskset and sched_setaffinity set them
// per thread): the union, and whether every thread has the same.
func processCPUs(pid int) ([]int, bool, error) {
	if pid == 0 {
		pid = os.Getpid()
	}
	tasks, err := os.ReadDir(fmt.Sprintf("/proc/%d/task", pid))
	if err != nil {
		return nil, false, err
	}
	var union []int
	var first []int
	same := true
	for i, t := range tasks {
		tid, err := strconv.Atoi(t.Name())
		if err != nil {
			continue
		}
		var set unix.CPUSet
		if err := unix.SchedGetaffinity(tid, &set); err != nil {
			if i > 0 {
				continue // the thread ended after the listing
			}
			return nil, false, fmt.Errorf("sched_getaffinity(%d): %w", tid, err)
		}
		var cpus []int
		for c := range len(set) * 64 {
			if set.IsSet(c) {
				cpus = append(cpus, c)
			}
		}
		if first == nil {
			first = cpus
		} else if !slices.Equal(first, cpus) {
			same = false
		}
		union = append(union, cpus...)
	}
	if first == nil {
		return nil, false, fmt.Errorf("no thread of process %d could be read", pid)
	}
	slices.Sort(union)
	return slices.Compact(union), same, nil
}
