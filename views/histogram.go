package views

import (
	"context"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/a-h/templ"
)

// HistogramBins counts scores in ten bins of ten points: 0–9, 10–19, …,
// 90–100 (a perfect score goes in the last bin). Scores outside 0..100 are
// clamped.
func HistogramBins(percents []int) [10]int {
	var bins [10]int
	for _, p := range percents {
		bins[min(9, max(0, p/10))]++
	}
	return bins
}

// The drawing's frame, in SVG user units; the SVG scales to its box.
const (
	histW, histH                = 640, 280
	histLeft, histRight         = 52, 24
	histTop, histBottom         = 16, 52
	histPlotW, histPlotH        = histW - histLeft - histRight, histH - histTop - histBottom
	histBarGap                  = 4
	histInk, histMuted, histBar = "#1d2430", "#5b6677", "#2457c5"
)

// Histogram draws the spread of scores as an SVG bar chart, on the server and
// without script. Its title and description say in words what the bars show,
// for screen readers and for anyone who cannot see the colours.
func Histogram(percents []int) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		_, err := io.WriteString(w, histogramSVG(percents))
		return err
	})
}

func histogramSVG(percents []int) string {
	bins := HistogramBins(percents)
	top := 0
	for _, n := range bins {
		top = max(top, n)
	}
	step := tickStep(top)
	ymax := max(step, (top+step-1)/step*step)
	y := func(n int) float64 { return histTop + histPlotH - float64(n)/float64(ymax)*histPlotH }
	binW := float64(histPlotW) / 10

	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="histogram" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-labelledby="histogram-title histogram-desc" font-family="system-ui, sans-serif">`, histW, histH)
	fmt.Fprintf(&b, `<title id="histogram-title">Scores of %s</title>`, countWord(len(percents), "finished attempt"))
	fmt.Fprintf(&b, `<desc id="histogram-desc">%s</desc>`, html.EscapeString(histogramWords(bins)))
	// Grid lines and count labels on the left.
	for n := 0; n <= ymax; n += step {
		fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#d9dee7"/>`, histLeft, histLeft+histPlotW, y(n), y(n))
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" text-anchor="end" dominant-baseline="middle" font-size="14" fill="%s">%d</text>`, histLeft-6, y(n), histMuted, n)
	}
	for i, n := range bins {
		x := histLeft + float64(i)*binW
		if n > 0 {
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s" rx="2"><title>%s: %s</title></rect>`,
				x+histBarGap/2, y(n), binW-histBarGap, y(0)-y(n), histBar, binLabel(i), countWord(n, "attempt"))
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" font-size="14" font-weight="600" fill="%s">%d</text>`, x+binW/2, y(n)-5, histInk, n)
		}
	}
	// The score axis: a tick and a label at each bin edge.
	fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="%s"/>`, histLeft, histLeft+histPlotW, y(0), y(0), histInk)
	for i := 0; i <= 10; i++ {
		x := histLeft + float64(i)*binW
		fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="%s"/>`, x, x, y(0), y(0)+4, histInk)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" font-size="14" fill="%s">%d</text>`, x, y(0)+18, histMuted, i*10)
	}
	fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" font-size="14" fill="%s">Score (%%)</text>`, histLeft+histPlotW/2, histH-8, histInk)
	fmt.Fprintf(&b, `<text transform="translate(14 %d) rotate(-90)" text-anchor="middle" font-size="14" fill="%s">Attempts</text>`, histTop+histPlotH/2, histInk)
	b.WriteString(`</svg>`)
	return b.String()
}

// tickStep picks a step for the count axis that gives at most five lines.
func tickStep(top int) int {
	for _, s := range []int{1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000} {
		if top <= 5*s {
			return s
		}
	}
	return (top + 4) / 5
}

func binLabel(i int) string {
	if i == 9 {
		return "90–100%"
	}
	return fmt.Sprintf("%d–%d%%", i*10, i*10+9)
}

// histogramWords says what the bars show, bin by bin, leaving out empty ones.
func histogramWords(bins [10]int) string {
	var parts []string
	for i, n := range bins {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%s: %s", binLabel(i), countWord(n, "attempt")))
		}
	}
	if len(parts) == 0 {
		return "No finished attempts yet."
	}
	return "Number of attempts by score band. " + strings.Join(parts, "; ") + "."
}

// countWord is "1 attempt" or "3 attempts".
func countWord(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
