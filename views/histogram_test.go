package views

import (
	"context"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"quiztrainer/quizzes"
)

func TestHistogramBins(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		percents []int
		want     [10]int
	}{
		{"no scores leave every bin empty", nil, [10]int{}},
		{"a bin runs from its tens to its nines", []int{0, 9, 10, 19, 55}, [10]int{2, 2, 0, 0, 0, 1}},
		{"a perfect score joins the nineties", []int{90, 99, 100}, [10]int{9: 3}},
		{"scores out of range are clamped", []int{-5, 130}, [10]int{0: 1, 9: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := HistogramBins(tc.percents); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestHistogramDrawing(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	if err := Histogram([]int{35, 38, 72, 100, 100, 100, 100, 100, 100, 100, 100, 100}).Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	svg := doc.Find("svg")
	if svg.AttrOr("role", "") != "img" || svg.AttrOr("aria-labelledby", "") != "histogram-title histogram-desc" {
		t.Error("the SVG is not labelled as an image by its title and description")
	}
	if got := svg.Find("#histogram-title").Text(); got != "Scores of 12 finished attempts" {
		t.Errorf("title = %q", got)
	}
	if got := svg.Find("#histogram-desc").Text(); !strings.Contains(got, "30–39%: 2 attempts; 70–79%: 1 attempt; 90–100%: 9 attempts.") {
		t.Errorf("desc = %q", got)
	}
	if n := svg.Find("rect").Length(); n != 3 {
		t.Errorf("%d bars, want one per non-empty bin (3)", n)
	}
	var labels []string
	svg.Find("text").Each(func(_ int, s *goquery.Selection) { labels = append(labels, s.Text()) })
	all := strings.Join(labels, " ")
	// Count axis: 9 at most, so steps of 2 up to 10; score axis 0..100.
	for _, want := range []string{"0 2 4 6 8 10", "0 10 20 30 40 50 60 70 80 90 100", "Score (%)", "Attempts"} {
		if !strings.Contains(all, want) {
			t.Errorf("axis labels %q lack %q", all, want)
		}
	}
}

func TestPlainText(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		format quizzes.TextFormat
		in     string
		want   string
	}{
		{quizzes.Plain, "Who  said\nit?", "Who said it?"},
		{quizzes.HTML, "<p>Who <b>said</b> it?</p><p>Why &amp; when?</p><script>x()</script>", "Who said it? Why & when?"},
		{quizzes.Markdown, "Who **said** it?", "Who said it?"},
		{quizzes.HTML, "Who is <em>Motyl</em>?<br>Name him.<ul><li>a</li><li>b</li></ul>", "Who is Motyl? Name him. a b"},
	} {
		if got := PlainText(tc.format, tc.in); got != tc.want {
			t.Errorf("PlainText(%q, %q) = %q, want %q", tc.format, tc.in, got, tc.want)
		}
	}
}
