package main

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// recorder keeps the latency of every request by type, and the errors.
type recorder struct {
	mu     sync.Mutex
	lat    map[string][]time.Duration
	errs   map[string]int
	sample map[string]string // one error message per type
	order  []string
}

func newRecorder() *recorder {
	return &recorder{lat: map[string][]time.Duration{}, errs: map[string]int{}, sample: map[string]string{}}
}

func (r *recorder) seen(kind string) {
	if _, ok := r.lat[kind]; !ok {
		r.lat[kind] = nil
		r.order = append(r.order, kind)
	}
}

func (r *recorder) ok(kind string, d time.Duration) {
	r.mu.Lock()
	r.seen(kind)
	r.lat[kind] = append(r.lat[kind], d)
	r.mu.Unlock()
}

func (r *recorder) fail(kind string, err error) {
	r.mu.Lock()
	r.seen(kind)
	r.errs[kind]++
	if r.sample[kind] == "" {
		r.sample[kind] = err.Error()
	}
	r.mu.Unlock()
}

func (r *recorder) errors() int {
	n := 0
	for _, e := range r.errs {
		n += e
	}
	return n
}

// summary is one request type's figures.
type summary struct {
	n, errs            int
	p50, p95, p99, max time.Duration
}

func (r *recorder) summary(kind string) summary {
	d := slices.Clone(r.lat[kind])
	slices.Sort(d)
	return summary{n: len(d), errs: r.errs[kind], p50: pct(d, 50), p95: pct(d, 95), p99: pct(d, 99), max: pct(d, 100)}
}

func (r *recorder) print(elapsed time.Duration) {
	fmt.Printf("%-9s %8s %7s %8s %10s %10s %10s %10s\n", "request", "count", "errors", "per s", "p50", "p95", "p99", "max")
	for _, k := range r.order {
		s := r.summary(k)
		fmt.Printf("%-9s %8d %7d %8.0f %10v %10v %10v %10v\n", k, s.n, s.errs, float64(s.n)/elapsed.Seconds(), s.p50, s.p95, s.p99, s.max)
	}
	for _, k := range r.order {
		if r.sample[k] != "" {
			fmt.Printf("  first %s error: %s\n", k, r.sample[k])
		}
	}
}

// pct is the p-th percentile of sorted durations (nearest rank).
func pct(d []time.Duration, p int) time.Duration {
	if len(d) == 0 {
		return 0
	}
	i := (len(d)*p + 99) / 100
	return d[max(0, min(len(d)-1, i-1))].Round(10 * time.Microsecond)
}

// rssWatch samples a process's resident memory until stopped.
type rssWatch struct {
	pid  int
	stop chan struct{}
	done chan struct{}
	peak int64 // KiB
}

func watchRSS(pid int) *rssWatch {
	w := &rssWatch{pid: pid, stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(w.done)
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			if kb := readRSS(pid, "VmRSS"); kb > w.peak {
				w.peak = kb
			}
			select {
			case <-w.stop:
				return
			case <-t.C:
			}
		}
	}()
	return w
}

// Peak stops the sampling and returns the highest resident size seen, in MiB.
func (w *rssWatch) Peak() float64 {
	close(w.stop)
	<-w.done
	return float64(w.peak) / 1024
}

// readRSS reads a field (VmRSS, VmHWM) of /proc/PID/status in KiB; 0 when
// it cannot.
func readRSS(pid int, field string) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			n, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return n
		}
	}
	return 0
}

// loadAverage is the first figure of /proc/loadavg, "" when unknown.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}

// cpuTime is the CPU time (user and system) process pid has used, from
// /proc/PID/stat; 0 when unknown. CPU time per request hardly depends on
// what else the machine runs, where requests per second do.
func cpuTime(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// the command name (field 2) is in parentheses and may hold spaces
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 13 {
		return 0
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64) // field 14
	stime, _ := strconv.ParseInt(f[12], 10, 64) // field 15
	return time.Duration(utime+stime) * time.Second / clockTicks
}

// clockTicks is the kernel's USER_HZ, which /proc counts CPU time in: 100
// on every Linux this runs on.
const clockTicks = 100
