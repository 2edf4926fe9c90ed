package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// parseCPUList reads a CPU list as taskset -c and /proc write it: "1",
// "0-3", "0,2-3". The CPUs come back sorted, each once.
func parseCPUList(s string) ([]int, error) {
	var cpus []int
	for part := range strings.SplitSeq(s, ",") {
		part = strings.TrimSpace(part)
		lo, hi, isRange := strings.Cut(part, "-")
		first, err := strconv.Atoi(lo)
		if err != nil || first < 0 {
			return nil, fmt.Errorf("CPU list %q: %q is not a CPU number or a range such as 0-3", s, part)
		}
		last := first
		if isRange {
			if last, err = strconv.Atoi(hi); err != nil || last < first {
				return nil, fmt.Errorf("CPU list %q: %q is not a CPU number or a range such as 0-3", s, part)
			}
		}
		for c := first; c <= last; c++ {
			cpus = append(cpus, c)
		}
	}
	slices.Sort(cpus)
	return slices.Compact(cpus), nil
}

// formatCPUList writes sorted CPUs as a list with ranges: [0 1 2 5] is
// "0-2,5".
func formatCPUList(cpus []int) string {
	var b strings.Builder
	for i := 0; i < len(cpus); {
		j := i
		for j+1 < len(cpus) && cpus[j+1] == cpus[j]+1 {
			j++
		}
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(cpus[i]))
		if j > i {
			b.WriteString("-" + strconv.Itoa(cpus[j]))
		}
		i = j + 1
	}
	return b.String()
}

// describeCPUs is one process's CPUs for the report: its list, or why it
// is not known.
func describeCPUs(pid int) string {
	cpus, same, err := processCPUs(pid)
	switch {
	case err != nil:
		return "unknown (" + err.Error() + ")"
	case !same:
		return formatCPUList(cpus) + " (its threads differ; this is all of them)"
	}
	return formatCPUList(cpus)
}

// shareCPUs reports the CPUs two lists have in common.
func shareCPUs(a, b []int) []int {
	var both []int
	for _, c := range a {
		if slices.Contains(b, c) {
			both = append(both, c)
		}
	}
	return both
}
