package main

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/PuerkitoBio/goquery"
)

// runStudents walks --students students through the quiz, --concurrency
// at a time, --repeat times.
func runStudents(o options) error {
	printCPUs(o.pid, 0)
	failed := false
	for rep := range o.repeat {
		fmt.Printf("== students %d, concurrency %d, think %v, ramp %v, quiz %s (run %d of %d; load average %s)\n",
			o.students, o.concurrency, o.think, o.ramp, o.slug, rep+1, o.repeat, loadAverage())
		if err := studentsOnce(o, rep); err != nil {
			fmt.Println("  FAILED:", err)
			failed = true
		}
	}
	if failed {
		return fmt.Errorf("a run failed")
	}
	return nil
}

func studentsOnce(o options, rep int) error {
	rec := newRecorder()
	acks := newAcks()
	var rss *rssWatch
	if o.pid > 0 {
		rss = watchRSS(o.pid)
	}
	var wg sync.WaitGroup
	slots := make(chan struct{}, o.concurrency)
	var mu sync.Mutex
	var walkErrs []string
	start := time.Now()
	for i := range o.students {
		if o.ramp > 0 {
			if at := start.Add(o.ramp * time.Duration(i) / time.Duration(o.students)); time.Until(at) > 0 {
				time.Sleep(time.Until(at))
			}
		}
		slots <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-slots }()
			if err := walk(o, rec, acks, fmt.Sprintf("Load %d-%d", rep+1, i+1)); err != nil {
				mu.Lock()
				walkErrs = append(walkErrs, err.Error())
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	rec.print(elapsed)
	fmt.Printf("students who did not finish with every answer shown: %d; %.1f s\n", len(walkErrs), elapsed.Seconds())
	for i, e := range walkErrs {
		if i == 3 {
			break
		}
		fmt.Println("  ", e)
	}
	if rss != nil {
		fmt.Printf("server resident memory: peak %.0f MiB during the run (VmHWM since start %.0f MiB)\n", rss.Peak(), float64(readRSS(o.pid, "VmHWM"))/1024)
	}
	var checkErr error
	if o.dbPath != "" {
		checkErr = acks.check(o.dbPath)
	}
	if rec.errors() > 0 || len(walkErrs) > 0 {
		return fmt.Errorf("%d request errors, %d students failed", rec.errors(), len(walkErrs))
	}
	return checkErr
}

// walk is one student: the home page, the quiz's page, start, every
// question answered and the redirect followed back to the quiz, finish,
// the review page, hand in, and the result, which must show every answer.
func walk(o options, rec *recorder, acks *acks, name string) error {
	b := newBrowser(o.base, rec)
	if _, err := b.page("home", "/"); err != nil {
		return err
	}
	qs, err := b.start(o.slug, name)
	if err != nil {
		return err
	}
	for n, q := range qs {
		if o.think > 0 {
			time.Sleep(time.Duration(rand.Int64N(int64(2 * o.think))))
		}
		given, loc, err := b.answer(q, n)
		if err != nil {
			return err
		}
		acks.add(b.attemptID(), q.id, given)
		// back to the question, as the browser follows the redirect; the
		// form token stays the student's, so the page need not be read
		if _, err := b.do("attempt", http.MethodGet, loc, nil, http.StatusOK); err != nil {
			return err
		}
	}
	r, err := b.do("finish", http.MethodPost, b.attempt+"/finish", cloneForm(b.form), http.StatusSeeOther)
	if err != nil {
		return err
	}
	if _, err := b.page("review", r.location); err != nil {
		return err
	}
	r, err = b.do("hand-in", http.MethodPost, b.attempt+"/hand-in", url.Values{}, http.StatusSeeOther)
	if err != nil {
		return err
	}
	result, err := b.page("result", r.location)
	if err != nil {
		return err
	}
	missing := result.Find(".review em").FilterFunction(func(_ int, s *goquery.Selection) bool { return s.Text() == "no answer" }).Length()
	if missing > 0 {
		return fmt.Errorf("%s: the result shows %d of %d questions without the answer given", name, missing, len(qs))
	}
	return nil
}

func cloneForm(f url.Values) url.Values {
	out := url.Values{}
	for k, v := range f {
		out[k] = v
	}
	return out
}
