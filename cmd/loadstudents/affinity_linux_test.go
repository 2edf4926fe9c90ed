//go:build linux

package main

import (
	"io"
	"net/http"
	"slices"
	"testing"
	"time"
)

// TestHelloRunsOnTheCPUsAsked starts hello-world pinned to one CPU and
// reads back, from the kernel, the CPUs of every one of its threads.
func TestHelloRunsOnTheCPUsAsked(t *testing.T) {
	mine, same, err := processCPUs(0)
	if err != nil || !same {
		t.Fatalf("this process's CPUs: %v (all threads the same: %v), %v", mine, same, err)
	}
	if len(mine) < 2 {
		t.Skip("needs two CPUs to tell a pinned process from one that is not")
	}
	want := []int{mine[len(mine)-1]}
	hello, url, err := startHello(want)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		hello.Process.Kill()
		hello.Wait()
	}()
	res, err := http.Get(url + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if string(body) != "Hello, World!" {
		t.Fatalf("hello-world said %q", body)
	}
	time.Sleep(100 * time.Millisecond) // let its runtime start what threads it will
	got, same, err := processCPUs(hello.Process.Pid)
	if err != nil {
		t.Fatal(err)
	}
	if !same || !slices.Equal(got, want) {
		t.Errorf("hello-world's threads run on %v (all the same: %v), want %v on every thread", got, same, want)
	}
	if after, same, err := processCPUs(0); err != nil || !same || !slices.Equal(after, mine) {
		t.Errorf("this process's CPUs became %v (all the same: %v, %v), want %v as before", after, same, err, mine)
	}
}

func TestPinningToACPUThatDoesNotExistFails(t *testing.T) {
	if _, _, err := startHello([]int{1023}); err == nil {
		t.Error("hello-world started pinned to CPU 1023, want an error")
	}
}
