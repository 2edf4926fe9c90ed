package formats

import (
	"strings"

	"quiztrainer/quizzes"
)

// GIFT escapes are replaced, before anything else is parsed, by bytes that
// never occur in UTF-8 text, so that every later search for a control
// character (~ = # { } :) sees only the unescaped ones. Moodle's importer
// does the same with "&&058;"-style placeholders. An escaped newline gets a
// placeholder too, so that counting '\n' still counts the file's lines.
var (
	giftEscapes = strings.NewReplacer(`\\`, `\`, `\~`, "\xf5", `\=`, "\xf6", `\#`, "\xf7",
		`\{`, "\xf8", `\}`, "\xf9", `\:`, "\xfa", `\n`, "\xfb")
	giftUnescapes = strings.NewReplacer("\xf5", "~", "\xf6", "=", "\xf7", "#", "\xf8", "{", "\xf9", "}",
		"\xfa", ":", "\xfb", "\n")
)

// phpSpace is the set PHP's trim() removes; Moodle trims with it, and so do
// we, so that a no-break space stays part of the text as it does in Moodle.
const phpSpace = " \t\n\r\x00\x0b"

// textSpace adds U+FEFF, invisible, which a file may hold away from its
// start when files were joined: at the start of a written file it would
// read as a byte-order mark and vanish, so it is never kept at a text's
// ends. (phpSpace alone serves byte-wise scans, which must not cut runes.)
const textSpace = phpSpace + "\ufeff"

func phpTrim(s string) string { return strings.Trim(s, textSpace) }

// giftText turns a placeholder-encoded part into the text it stands for.
func giftText(s string) string { return phpTrim(giftUnescapes.Replace(s)) }

// giftFormats are the markers that may open a text part. Plain is our
// default, so [plain] and no marker read the same.
var giftFormats = map[string]quizzes.TextFormat{
	"html": quizzes.HTML, "markdown": quizzes.Markdown, "plain": quizzes.Plain, "moodle": quizzes.Moodle,
}

// giftFormatted reads a text part that may open with a format marker. An
// unknown marker ([b], [1]) stays part of the text, as in Moodle.
func giftFormatted(s string) (string, quizzes.TextFormat) {
	s = strings.TrimLeft(s, textSpace)
	if strings.HasPrefix(s, "[") {
		if end := strings.IndexByte(s, ']'); end > 0 {
			if f, ok := giftFormats[s[1:end]]; ok {
				return giftText(s[end+1:]), f
			}
		}
	}
	return giftText(s), quizzes.Plain
}

// giftParser reads one file. Each blank-line-separated group of lines is a
// question (or a $CATEGORY switch); its text is kept with the line of its
// first byte so that any offset maps back to a file line.
type giftParser struct {
	errs     errorList
	category string
	qs       []quizzes.Question
}

// giftGroup is one question's text, placeholder-encoded, with comment lines
// blanked (not removed, so that line numbers hold).
type giftGroup struct {
	t     string
	lines lines
}

func (g giftGroup) lineAt(off int) int { return g.lines.at(off) }

// ParseGIFT reads a Moodle GIFT file (see GIFT.md for the rules followed).
func ParseGIFT(data []byte) ([]quizzes.Question, error) {
	text, err := decodeText(GIFT, data)
	if err != nil {
		return nil, err
	}
	p := &giftParser{}
	var lines []string
	start := 0
	flush := func() {
		if len(lines) > 0 {
			t := giftEscapes.Replace(strings.Join(lines, "\n"))
			p.group(giftGroup{t: t, lines: newLines(t, start)})
			lines = lines[:0]
		}
	}
	for i, line := range strings.Split(text, "\n") {
		line = phpTrim(line)
		switch {
		case line == "":
			flush()
			continue
		case strings.HasPrefix(line, "//"):
			// Moodle blanks comment lines; [id:] and [tag:] in them are not kept.
			line = " "
		}
		if len(lines) == 0 {
			start = i + 1
		}
		lines = append(lines, line)
	}
	flush()
	if err := p.errs.err(GIFT); err != nil {
		return nil, err
	}
	return p.qs, nil
}

// trimRange narrows [lo,hi) of s to its text without surrounding space.
func trimRange(s string, lo, hi int) (int, int) {
	for lo < hi && strings.IndexByte(phpSpace, s[lo]) >= 0 {
		lo++
	}
	for hi > lo && strings.IndexByte(phpSpace, s[hi-1]) >= 0 {
		hi--
	}
	return lo, hi
}

func (p *giftParser) group(g giftGroup) {
	t := g.t
	lo, hi := trimRange(t, 0, len(t))
	if lo == hi {
		return
	}
	if strings.HasPrefix(t[lo:], "$CATEGORY:") {
		// Moodle wants the category alone in its group and otherwise takes the
		// whole group as the path; we end it at the line's end and read what
		// follows as a question, which is what the teacher meant.
		end := strings.IndexByte(t[lo:hi], '\n')
		if end < 0 {
			end = hi - lo
		}
		p.category = giftText(t[lo+len("$CATEGORY:") : lo+end])
		if lo, hi = trimRange(t, lo+end, hi); lo == hi {
			return
		}
	}
	errsBefore := len(p.errs)
	q := quizzes.Question{Category: p.category}
	qline := g.lineAt(lo)
	if strings.HasPrefix(t[lo:hi], "::") {
		end := strings.Index(t[lo+2:hi], "::")
		if end < 0 {
			p.errs.add(qline, "the title opened with :: is never closed with :: (write \\: for a colon in a title)")
			return
		}
		q.Title = giftText(t[lo+2 : lo+2+end])
		lo, hi = trimRange(t, lo+2+end+2, hi)
	}
	open := indexIn(t, lo, hi, '{')
	closing := indexIn(t, lo, hi, '}')
	switch {
	case open < 0 && closing < 0:
		q.Kind = quizzes.Description
		q.Prompt, q.Format = giftFormatted(t[lo:hi])
		p.finish(q, qline, errsBefore)
		return
	case closing >= 0 && (open < 0 || closing < open):
		p.errs.add(g.lineAt(closing), "} closes an answer block that was never opened (write \\} for a brace in the text)")
		return
	case closing < 0:
		p.errs.add(g.lineAt(open), "the answer block opened with { is never closed with }")
		return
	}
	if inner := indexIn(t, open+1, closing, '{'); inner >= 0 {
		p.errs.add(g.lineAt(inner), "{ inside an answer block: close the block with } first, or write \\{ for a brace")
		return
	}
	if again := strings.IndexAny(t[closing+1:hi], "{}"); again >= 0 {
		p.errs.add(g.lineAt(closing+1+again), "a second answer block: a question has one (separate questions with a blank line, or write \\{ and \\} for braces)")
		return
	}
	prompt := t[lo:open]
	if closing+1 < hi {
		// Text after the block: "missing word", the block's place is a gap.
		prompt += quizzes.Blank + t[closing+1:hi]
	}
	q.Prompt, q.Format = giftFormatted(prompt)
	blo, bhi := trimRange(t, open+1, closing)
	if gf := strings.LastIndex(t[blo:bhi], "####"); gf >= 0 {
		q.Explanation, _ = giftFormatted(t[blo+gf+4 : bhi])
		blo, bhi = trimRange(t, blo, blo+gf)
	}
	b := giftBlock{g: g, lo: blo, hi: bhi, p: p}
	block := t[blo:bhi]
	switch {
	case block == "":
		q.Kind = quizzes.Essay
	case block[0] == '#':
		q.Kind, q.Choices = quizzes.Numerical, b.numerical()
	case strings.IndexByte(block, '~') >= 0:
		q.Kind, q.Choices = b.multipleChoice()
	case strings.IndexByte(block, '=') >= 0 && strings.Contains(block, "->"):
		q.Kind, q.Choices = quizzes.Matching, b.matching()
	default:
		head, _, _ := strings.Cut(block, "#")
		switch phpTrim(head) {
		case "T", "TRUE", "F", "FALSE":
			q.Kind, q.Choices = quizzes.TrueFalse, b.trueFalse()
		default:
			q.Kind, q.Choices = quizzes.ShortAnswer, b.shortAnswer()
			if strings.Contains(q.Prompt, quizzes.Blank) {
				q.Kind = quizzes.Cloze
			}
		}
	}
	p.finish(q, qline, errsBefore)
}

// finish keeps q when its group raised no error and it is a usable question.
func (p *giftParser) finish(q quizzes.Question, line, errsBefore int) {
	if len(p.errs) > errsBefore {
		return
	}
	if err := checkQuestion(q); err != nil {
		p.errs.add(line, "%v", err)
		return
	}
	p.qs = append(p.qs, q)
}

// indexIn is the offset in s of the first c in s[lo:hi], or -1.
func indexIn(s string, lo, hi int, c byte) int {
	if i := strings.IndexByte(s[lo:hi], c); i >= 0 {
		return lo + i
	}
	return -1
}
