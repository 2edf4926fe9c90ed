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
package main

import (
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
}

func main() {
	if addr := os.Getenv(helloEnv); addr != "" {
		serveHello(addr) // the child process of --rate
		return
	}
	var o options
	var types string
	flag.StringVar(&o.base, "url", "http://127.0.0.1:8080", "address of the running server")
	flag.StringVar(&o.slug, "quiz", "", "the quiz's URL name (default: the first quiz on the home page)")
	flag.StringVar(&o.dbPath, "db", "", "the server's database file: every acknowledged answer is looked up in it (read-only)")
	flag.IntVar(&o.pid, "pid", 0, "the server's process id: its resident memory is sampled and its peak reported, and --rate reports its CPU time per request (Linux)")
	flag.IntVar(&o.students, "students", 100, "how many students take the quiz")
	flag.IntVar(&o.concurrency, "concurrency", 10, "how many take it at the same time")
	flag.DurationVar(&o.think, "think", 0, "mean pause before each answer (uniform from 0 to twice this)")
	flag.DurationVar(&o.ramp, "ramp", 0, "students arrive spread over this time")
	flag.BoolVar(&o.rate, "rate", false, "measure requests per second per request type instead of walking students")
	flag.IntVar(&o.conns, "conns", 32, "--rate: connections (one student each)")
	flag.DurationVar(&o.duration, "duration", 5*time.Second, "--rate: how long each request type runs")
	flag.IntVar(&o.repeat, "repeat", 1, "how many times to run it all; the range is reported")
	flag.StringVar(&types, "types", "hello,intro,attempt,answer", "--rate: request types to measure, in order (hello, home, intro, attempt, answer)")
	flag.Parse()
	o.base = strings.TrimSuffix(o.base, "/")
	o.types = strings.Split(types, ",")
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "loadstudents:", err)
		os.Exit(1)
	}
}

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
