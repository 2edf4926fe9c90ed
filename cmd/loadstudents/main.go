// Command loadstudents is a load harness: it sends simulated students
// through a running quiztrainer, each taking a quiz with plain HTML forms as
// a browser without JavaScript would, and reports how fast answers were
// stored and whether every one of them shows on the result page.
//
//	go run ./cmd/loadstudents --url http://localhost:8080 --students 200 --concurrency 20
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/PuerkitoBio/goquery"
)

func main() {
	base := flag.String("url", "http://localhost:8080", "address of the running server")
	students := flag.Int("students", 100, "how many students take the quiz")
	concurrency := flag.Int("concurrency", 10, "how many take it at the same time")
	slug := flag.String("quiz", "", "the quiz's URL name (default: the first quiz on the home page)")
	flag.Parse()
	if *slug == "" {
		s, err := firstQuiz(*base)
		if err != nil {
			fmt.Fprintln(os.Stderr, "loadstudents:", err)
			os.Exit(1)
		}
		*slug = s
	}
	var (
		mu        sync.Mutex
		latencies []time.Duration
		failures  []string
		wg        sync.WaitGroup
		slots     = make(chan struct{}, *concurrency)
	)
	start := time.Now()
	for i := range *students {
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-slots }()
			lat, err := takeQuiz(*base, *slug, fmt.Sprintf("Load student %d", i+1))
			mu.Lock()
			defer mu.Unlock()
			latencies = append(latencies, lat...)
			if err != nil {
				failures = append(failures, err.Error())
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(latencies)
	fmt.Printf("students %d, concurrency %d, quiz %s\n", *students, *concurrency, *slug)
	fmt.Printf("answers stored %d in %.2fs: %.0f answers/s\n", len(latencies), elapsed.Seconds(), float64(len(latencies))/elapsed.Seconds())
	fmt.Printf("answer latency p50 %v p95 %v p99 %v max %v\n", pct(latencies, 50), pct(latencies, 95), pct(latencies, 99), pct(latencies, 100))
	fmt.Printf("students whose result lacks an answer or who failed: %d\n", len(failures))
	for i, f := range failures {
		if i == 5 {
			break
		}
		fmt.Println("  ", f)
	}
	if len(failures) > 0 {
		os.Exit(1)
	}
}

func pct(d []time.Duration, p int) time.Duration {
	if len(d) == 0 {
		return 0
	}
	i := (len(d)*p + 99) / 100
	return d[max(0, min(len(d)-1, i-1))].Round(10 * time.Microsecond)
}

func firstQuiz(base string) (string, error) {
	doc, err := getDoc(http.DefaultClient, base+"/")
	if err != nil {
		return "", err
	}
	href, ok := doc.Find(".card h2 a").Attr("href")
	if !ok {
		return "", errors.New("no published quiz on the home page")
	}
	return strings.TrimPrefix(href, "/quiz/"), nil
}

func getDoc(c *http.Client, u string) (*goquery.Document, error) {
	res, err := c.Get(u)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		return nil, fmt.Errorf("GET %s: %s", u, res.Status)
	}
	return goquery.NewDocumentFromReader(res.Body)
}

// takeQuiz starts an attempt, answers every question, finishes and checks
// that the result page shows an answer for each question.
func takeQuiz(base, slug, name string) ([]time.Duration, error) {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 30 * time.Second}
	intro, err := getDoc(c, base+"/quiz/"+slug)
	if err != nil {
		return nil, err
	}
	csrf, _ := intro.Find(`input[name="_csrf"]`).Attr("value")
	res, err := c.PostForm(base+"/quiz/"+slug+"/start", url.Values{"_csrf": {csrf}, "display_name": {name}})
	if err != nil {
		return nil, err
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	attemptURL := res.Request.URL.String()
	page, err := getDoc(c, attemptURL)
	if err != nil {
		return nil, err
	}
	var lat []time.Duration
	var answerErr error
	page.Find("[data-question]").Each(func(_ int, s *goquery.Selection) {
		form := url.Values{"_csrf": {csrf}}
		form.Set("save", s.AttrOr("data-question", ""))
		switch {
		case s.Find(`input[type="radio"], input[type="checkbox"]`).Length() > 0:
			in := s.Find(`input[type="radio"], input[type="checkbox"]`).First()
			form.Set(in.AttrOr("name", ""), in.AttrOr("value", ""))
		case s.Find("select").Length() > 0:
			s.Find("select").Each(func(_ int, sel *goquery.Selection) {
				form.Add(sel.AttrOr("name", ""), sel.Find("option").Last().AttrOr("value", ""))
			})
		default:
			form.Set(s.Find(`input[type="text"], textarea`).AttrOr("name", ""), "42")
		}
		t := time.Now()
		res, err := c.PostForm(strings.TrimSuffix(attemptURL, "/")+"/answer", form)
		if err != nil {
			answerErr = err
			return
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		lat = append(lat, time.Since(t))
		if res.StatusCode != 200 {
			answerErr = fmt.Errorf("%s: answer: %s", name, res.Status)
		}
	})
	if answerErr != nil {
		return lat, answerErr
	}
	// Finish leads to the review page; its confirm hands in and shows the result.
	res, err = c.PostForm(attemptURL+"/finish", url.Values{"_csrf": {csrf}})
	if err != nil {
		return lat, err
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	res, err = c.PostForm(attemptURL+"/hand-in", url.Values{"_csrf": {csrf}})
	if err != nil {
		return lat, err
	}
	defer res.Body.Close()
	result, err := goquery.NewDocumentFromReader(res.Body)
	if err != nil {
		return lat, err
	}
	if n := result.Find(".review em").FilterFunction(func(_ int, s *goquery.Selection) bool { return s.Text() == "no answer" }).Length(); n > 0 {
		return lat, fmt.Errorf("%s: the result shows %d questions without the answer given", name, n)
	}
	if result.Find(".review > li").Length() != len(lat) {
		return lat, fmt.Errorf("%s: %d answers given, %d questions reviewed", name, len(lat), result.Find(".review > li").Length())
	}
	return lat, nil
}
