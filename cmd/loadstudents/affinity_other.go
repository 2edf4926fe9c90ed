//go:build !linux

package main

import (
	"errors"
	"os/exec"
)

var errNoAffinity = errors.New("CPU affinity is read and set only on Linux (sched_setaffinity)")

// startPinned cannot pin a process outside Linux.
func startPinned(cmd *exec.Cmd, cpus []int) error { return errNoAffinity }

// processCPUs is not known outside Linux.
func processCPUs(pid int) ([]int, bool, error) { return nil, false, errNoAffinity }
