package main

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// TestMain lets the test binary be hello-world too, as the command is
// when --rate starts it.
func TestMain(m *testing.M) {
	if addr := os.Getenv(helloEnv); addr != "" {
		serveHello(addr)
		return
	}
	os.Exit(m.Run())
}

func TestParseCPUList(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want []int
	}{
		{"1", []int{1}},
		{"0-3", []int{0, 1, 2, 3}},
		{"0,2-3", []int{0, 2, 3}},
		{"3, 1", []int{1, 3}},
		{"1,1,0-1", []int{0, 1}},
	} {
		got, err := parseCPUList(tc.in)
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("parseCPUList(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
		if back, _ := parseCPUList(formatCPUList(got)); !slices.Equal(back, got) {
			t.Errorf("formatCPUList(%v) = %q does not read back", got, formatCPUList(got))
		}
	}
	for _, bad := range []string{"", "a", "-1", "1-", "3-1", "1,,2", "0x1"} {
		if got, err := parseCPUList(bad); err == nil {
			t.Errorf("parseCPUList(%q) = %v, want an error", bad, got)
		}
	}
}

func TestFormatCPUList(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   []int
		want string
	}{
		{nil, ""},
		{[]int{1}, "1"},
		{[]int{0, 1, 2, 5}, "0-2,5"},
		{[]int{0, 2, 4, 5}, "0,2,4-5"},
	} {
		if got := formatCPUList(tc.in); got != tc.want {
			t.Errorf("formatCPUList(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestServerCPUsFlag(t *testing.T) {
	t.Parallel()
	o, err := parseOptions([]string{"--rate", "--server-cpus", "1", "--url", "http://127.0.0.1:9/"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(o.serverCPUs, []int{1}) || o.base != "http://127.0.0.1:9" || !o.rate {
		t.Errorf("got server CPUs %v, url %q, rate %v; want [1], http://127.0.0.1:9, true", o.serverCPUs, o.base, o.rate)
	}
	if o, err := parseOptions([]string{"--rate"}); err != nil || o.serverCPUs != nil {
		t.Errorf("without --server-cpus: got %v, %v; want no CPUs and no error", o.serverCPUs, err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--rate", "--server-cpus", "one"}, "--server-cpus"},
		{[]string{"--server-cpus", "1"}, "only --rate"},
		{[]string{"--rate", "extra"}, "unexpected argument"},
	} {
		if _, err := parseOptions(tc.args); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("parseOptions(%q) = %v, want an error that says %q", tc.args, err, tc.want)
		}
	}
}
