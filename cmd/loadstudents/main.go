// Command loadstudents is a load harness: it sends simulated students
// through a running quiztrainer with plain HTML forms, as a browser without
// JavaScript would, and reports per request type how fast the server
// answered (p50/p95/p99), the errors, and whether every answer the server
// acknowledged is in the database.
//
// Two ways to run it:
//
//	# students walk the whole path: home, quiz, start, answer each
//	# question (following the redirect back, as a browser does), finish,
//	# hand in, result; --think pauses before each answer
//	go run ./cmd/loadstudents --url http://127.0.0.1:8080 --db quiztrainer.db \
//	    --students 2000 --concurrency 2000 --think 2s --ramp 10s --pid $SERVER_PID
//
//	# requests per second of each request type with a fixed number of
//	# connections, beside fiber's hello-world (started by the tool itself,
//	# in its own process) in the same run, for the ratio
//	go run ./cmd/loadstudents --url http://127.0.0.1:8080 --db quiztrainer.db \
//	    --rate --conns 32 --duration 5s --repeat 3
//
// A load generator should not take CPU from what it measures: on a
// 2-core machine run the server with `taskset -c 1`, this tool with
// `taskset -c 0`, and give --server-cpus 1 so that hello-world runs on the
// server's CPU too. The report shows each process's CPUs.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"
)

type options struct {
	base        string
	slug        string
	dbPath      string
	pid         int
	students    int
	concurrency int
	think       time.Duration
	ramp        time.Duration
	rate        bool
	conns       int
	duration    time.Duration
	repeat      int
	types       []string
	serverCPUs  []int // --rate: hello-world's CPUs, nil to leave it as it starts
}

func main() {
	if addr := os.Getenv(helloEnv); addr != "" {
		serveHello(addr) // the child process of --rate
		return
	}
	o, err := parseOptions(os.Args[1:])
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		if !errors.As(err, new(flagError)) { // the flag package has said what is wrong
			fmt.Fprintln(os.Stderr, "loadstudents:", err)
		}
		os.Exit(2)
	}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "loadstudents:", err)
		os.Exit(1)
	}
}

// parseOptions reads the command line.
func parseOptions(args []string) (options, error) {
	var o options
	var types, serverCPUs string
	fs := flag.NewFlagSet("loadstudents", flag.ContinueOnError)
	fs.StringVar(&o.base, "url", "http://127.0.0.1:8080", "address of the running server")
	fs.StringVar(&o.slug, "quiz", "", "the quiz's URL name (default: the first quiz on the home page)")
	fs.StringVar(&o.dbPath, "db", "", "the server's database file: every acknowledged answer is looked up in it (read-only)")
	fs.IntVar(&o.pid, "pid", 0, "the server's process id: its resident memory is sampled and its peak reported, and --rate reports its CPU time per request (Linux)")
	fs.IntVar(&o.students, "students", 100, "how many students take the quiz")
	fs.IntVar(&o.concurrency, "concurrency", 10, "how many take it at the same time")
	fs.DurationVar(&o.think, "think", 0, "mean pause before each answer (uniform from 0 to twice this)")
	fs.DurationVar(&o.ramp, "ramp", 0, "students arrive spread over this time")
	fs.BoolVar(&o.rate, "rate", false, "measure requests per second per request type instead of walking students")
	fs.IntVar(&o.conns, "conns", 32, "--rate: connections (one student each)")
	fs.DurationVar(&o.duration, "duration", 5*time.Second, "--rate: how long each request type runs")
	fs.IntVar(&o.repeat, "repeat", 1, "how many times to run it all; the range is reported")
	fs.StringVar(&types, "types", "hello,intro,attempt,answer", "--rate: request types to measure, in order (hello, home, intro, attempt, answer)")
	fs.StringVar(&serverCPUs, "server-cpus", "", "--rate: run hello-world on these CPUs (a list as taskset -c takes: 1, 0-3, 0,2), the ones the server is pinned to, so that it and the server get the same CPUs and this tool others (Linux)")
	if err := fs.Parse(args); err != nil {
		return o, flagError{err}
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	o.base = strings.TrimSuffix(o.base, "/")
	o.types = strings.Split(types, ",")
	if serverCPUs != "" {
		if !o.rate {
			return o, errors.New("--server-cpus pins hello-world, which only --rate starts")
		}
		cpus, err := parseCPUList(serverCPUs)
		if err != nil {
			return o, fmt.Errorf("--server-cpus: %w", err)
		}
		o.serverCPUs = cpus
	}
	return o, nil
}

// flagError is an error of the flag package, which prints it with the
// usage itself.
type flagError struct{ error }

func (e flagError) Unwrap() error { return e.error }

func run(o options) error {
	if o.slug == "" {
		s, err := firstQuiz(o.base)
		if err != nil {
			return err
		}
		o.slug = s
	}
	if o.rate {
		return runRates(o)
	}
	return runStudents(o)
}
