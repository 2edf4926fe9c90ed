package formats

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"quiztrainer/quizzes"
)

var (
	giftEscaper = strings.NewReplacer(`\`, `\\`, "~", `\~`, "=", `\=`, "#", `\#`, "{", `\{`, "}", `\}`,
		":", `\:`, "\n", `\n`)
	// A category line is not parsed for answers, and Moodle does not undo
	// escapes in it: only what would break the line is escaped.
	giftCategoryEscaper = strings.NewReplacer(`\`, `\\`, "\n", `\n`)
)

// WriteGIFT writes questions as Moodle GIFT. Questions GIFT cannot hold are
// left out, and the error then names them; the others are written.
func WriteGIFT(w io.Writer, qs []quizzes.Question) error {
	skipped, err := Write(GIFT, w, qs)
	if err == nil && len(skipped) > 0 {
		err = fmt.Errorf("formats: GIFT left out %d question(s): %s", len(skipped), strings.Join(skipped, "; "))
	}
	return err
}

// giftLead is the marker a question text needs: its format's, or [plain]
// when the text would otherwise be read as opening with a marker, or, at a
// line start, as a comment or a category. Markers are the only quoting GIFT
// has for such a start.
func giftLead(text string, f quizzes.TextFormat) string {
	if _, got := giftFormatted(text); f != quizzes.Plain || got != quizzes.Plain ||
		strings.HasPrefix(text, "[plain]") || strings.HasPrefix(text, "//") || strings.HasPrefix(text, "$CATEGORY:") {
		return "[" + giftMarkerName(f) + "]"
	}
	return ""
}

// giftPart escapes an answer or feedback part; a part that opens with a
// format marker is given one more, so that its own is kept as text.
func giftPart(s string) string {
	s = phpTrim(s)
	if _, f := giftFormatted(s); f != quizzes.Plain || strings.HasPrefix(s, "[plain]") {
		return "[plain]" + giftEscaper.Replace(s)
	}
	return giftEscaper.Replace(s)
}

func giftMarkerName(f quizzes.TextFormat) string {
	if f == quizzes.Plain {
		return "plain"
	}
	return string(f)
}

func giftWeight(w float64) string {
	return "%" + strconv.FormatFloat(w*100, 'f', -1, 64) + "%"
}

// writeGIFT writes every question given; Write has already left out those
// that GIFT cannot hold.
func writeGIFT(w io.Writer, qs []quizzes.Question) error {
	bw := bufio.NewWriter(w)
	category := ""
	for i, q := range qs {
		if i > 0 {
			bw.WriteString("\n")
		}
		if q.Category != category {
			fmt.Fprintf(bw, "$CATEGORY: %s\n\n", giftCategoryEscaper.Replace(q.Category))
			category = q.Category
		}
		if q.Title != "" {
			bw.WriteString("::" + giftEscaper.Replace(phpTrim(q.Title)) + "::")
		}
		prompt := phpTrim(q.Prompt)
		bw.WriteString(giftLead(prompt, q.Format))
		gap := strings.Index(prompt, quizzes.Blank)
		switch {
		case q.Kind == quizzes.Description:
			bw.WriteString(giftEscaper.Replace(prompt))
		case gap >= 0 && gap+len(quizzes.Blank) < len(prompt):
			// Missing word: the block takes the gap's place.
			bw.WriteString(giftEscaper.Replace(prompt[:gap]))
			bw.WriteString(giftAnswerBlock(q))
			bw.WriteString(giftEscaper.Replace(prompt[gap+len(quizzes.Blank):]))
		default:
			bw.WriteString(giftEscaper.Replace(prompt) + " " + giftAnswerBlock(q))
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}

// giftAnswerBlock is the {...} of a question, one answer a line.
func giftAnswerBlock(q quizzes.Question) string {
	var b strings.Builder
	b.WriteString("{")
	line := func(s string) { b.WriteString("\n\t" + s) }
	fb := func(s string) string {
		if s = phpTrim(s); s == "" {
			return ""
		}
		return "#" + giftPart(s)
	}
	switch q.Kind {
	case quizzes.MultipleChoice, quizzes.MultipleResponse:
		for _, c := range q.Choices {
			switch {
			case q.Kind == quizzes.MultipleChoice && c.Correct:
				line("=" + giftPart(c.Text) + fb(c.Feedback))
			case answerWeight(c) != 0 || strings.HasPrefix(phpTrim(c.Text), "%"):
				line("~" + giftWeight(answerWeight(c)) + giftPart(c.Text) + fb(c.Feedback))
			default:
				line("~" + giftPart(c.Text) + fb(c.Feedback))
			}
		}
	case quizzes.TrueFalse:
		answer, right, wrong := trueFalseKey(q.Choices)
		b.WriteString(map[bool]string{true: "TRUE", false: "FALSE"}[answer])
		if wrong != "" || right != "" {
			b.WriteString("#" + giftPart(wrong))
		}
		if right != "" {
			b.WriteString("#" + giftPart(right))
		}
	case quizzes.ShortAnswer, quizzes.Cloze:
		// A block with = and -> reads as matching. A lone answer may go
		// without its =, as Moodle allows, which keeps an arrow in it.
		mark := "="
		if len(q.Choices) == 1 && strings.Contains(q.Choices[0].Text+q.Choices[0].Feedback, "->") {
			mark = ""
		}
		for _, c := range q.Choices {
			w := ""
			if answerWeight(c) != 1 || strings.HasPrefix(phpTrim(c.Text), "%") {
				w = giftWeight(answerWeight(c))
			}
			line(mark + w + giftPart(c.Text) + fb(c.Feedback))
		}
	case quizzes.Numerical:
		b.WriteString("#")
		if len(q.Choices) == 1 && q.Choices[0].Weight == 1 && q.Choices[0].Feedback == "" && phpTrim(q.Explanation) == "" {
			// The common case reads best inline: {#3.14:0.01}.
			return b.String() + giftNumberAnswer(q.Choices[0]) + "}"
		}
		for i, c := range q.Choices {
			if numberText(c.Text) == "*" && i == len(q.Choices)-1 && answerWeight(c) == 0 {
				line("~" + "#" + giftPart(c.Feedback))
				continue
			}
			w := ""
			if aw := answerWeight(c); aw != 1 {
				w = giftWeight(aw)
			}
			line("=" + w + giftNumberAnswer(c) + fb(c.Feedback))
		}
	case quizzes.Matching:
		for _, c := range q.Choices {
			line("=" + giftPart(c.Text) + " -> " + giftEscaper.Replace(phpTrim(c.Match)))
		}
	}
	if e := phpTrim(q.Explanation); e != "" && q.Kind != quizzes.Description {
		line("####" + giftPart(e))
	}
	if q.Kind != quizzes.TrueFalse && b.Len() > 1 {
		b.WriteString("\n")
	}
	b.WriteString("}")
	return b.String()
}

// giftNumberAnswer is "n" or "n:tolerance". The colon is not escaped:
// Moodle, like us, undoes escapes before it looks for it.
func giftNumberAnswer(c quizzes.Choice) string {
	text := numberText(c.Text)
	if text != "*" && c.Tolerance != 0 {
		return giftEscaper.Replace(text) + ":" + strconv.FormatFloat(abs(c.Tolerance), 'f', -1, 64)
	}
	return giftEscaper.Replace(text)
}
