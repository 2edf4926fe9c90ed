package nlp

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// CoNLL-U (https://universaldependencies.org/format.html) is the format of
// the treebanks the models learn from and of what `quiztrainer analyze`
// prints. A sentence is a block of comment lines ("# key = value") and one
// line per word with ten tab-separated columns, ended by a blank line.

// ConlluSentence is one sentence block of a CoNLL-U file.
type ConlluSentence struct {
	// Comments are the comment lines without their leading "# ", in order
	// ("sent_id = ...", "text = ...", "newpar", ...).
	Comments []string
	Words    []ConlluWord
	// Multiwords are the multiword-token lines ("1-2 don't"): one surface
	// token that the words First..Last (IDs, inclusive) split.
	Multiwords []ConlluMultiword
}

// ConlluWord is one word line. Head is the ID of the head word, 0 for the
// root; IDs count from 1, so word i sits at Words[i-1].
type ConlluWord struct {
	ID                             int
	Form, Lemma, UPOS, XPOS, Feats string
	Head                           int
	Deprel, Deps                   string
	// Misc is column 10 as written ("SpaceAfter=No|Entity=(1-person...)"),
	// "_" when empty.
	Misc string
}

// ConlluMultiword is a multiword-token line: the surface form of the words
// First..Last and its MISC column (which carries SpaceAfter for them).
type ConlluMultiword struct {
	First, Last int
	Form, Misc  string
}

// Comment returns the value of a "key = value" comment, and whether the
// sentence has it.
func (s *ConlluSentence) Comment(key string) (string, bool) {
	for _, c := range s.Comments {
		k, v, ok := strings.Cut(c, "=")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v), true
		}
		if !ok && strings.TrimSpace(c) == key {
			return "", true
		}
	}
	return "", false
}

// MiscValue returns the value of key in a MISC column ("SpaceAfter=No|..."),
// "" when absent.
func MiscValue(misc, key string) string {
	for _, item := range strings.Split(misc, "|") {
		if k, v, ok := strings.Cut(item, "="); ok && k == key {
			return v
		}
	}
	return ""
}

// ReadConllu reads every sentence of a CoNLL-U stream. Empty nodes
// ("8.1") are skipped; multiword tokens are kept apart from the words. An
// error names the line that is wrong.
func ReadConllu(r io.Reader) ([]ConlluSentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	var out []ConlluSentence
	var cur ConlluSentence
	open := false
	flush := func() {
		if open {
			out = append(out, cur)
		}
		cur, open = ConlluSentence{}, false
	}
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		switch {
		case strings.TrimSpace(text) == "":
			flush()
			continue
		case strings.HasPrefix(text, "#"):
			c := strings.TrimPrefix(text, "#")
			cur.Comments = append(cur.Comments, strings.TrimPrefix(c, " "))
			open = true
			continue
		}
		open = true
		cols := strings.Split(text, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("conllu: line %d: %d columns, want 10", line, len(cols))
		}
		id := cols[0]
		if strings.Contains(id, ".") {
			continue // an empty node of the enhanced graph
		}
		if a, b, ok := strings.Cut(id, "-"); ok {
			first, err1 := strconv.Atoi(a)
			last, err2 := strconv.Atoi(b)
			if err1 != nil || err2 != nil || last < first {
				return nil, fmt.Errorf("conllu: line %d: bad multiword range %q", line, id)
			}
			cur.Multiwords = append(cur.Multiwords, ConlluMultiword{First: first, Last: last, Form: cols[1], Misc: cols[9]})
			continue
		}
		n, err := strconv.Atoi(id)
		if err != nil || n != len(cur.Words)+1 {
			return nil, fmt.Errorf("conllu: line %d: word ID %q, want %d", line, id, len(cur.Words)+1)
		}
		head := -1
		if cols[6] != "_" {
			if head, err = strconv.Atoi(cols[6]); err != nil || head < 0 {
				return nil, fmt.Errorf("conllu: line %d: bad head %q", line, cols[6])
			}
		}
		cur.Words = append(cur.Words, ConlluWord{
			ID: n, Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4], Feats: cols[5],
			Head: head, Deprel: cols[7], Deps: cols[8], Misc: cols[9],
		})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conllu: line %d: %w", line+1, err)
	}
	flush()
	for i, s := range out {
		for _, w := range s.Words {
			if w.Head > len(s.Words) {
				return nil, fmt.Errorf("conllu: sentence %d: word %d has head %d, past the last word", i+1, w.ID, w.Head)
			}
		}
	}
	return out, nil
}

// ReadConlluFile reads a CoNLL-U file, gunzipping it when its name ends in
// ".gz" (as the treebanks in testdata are).
func ReadConlluFile(path string) ([]ConlluSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		defer gz.Close()
		r = gz
	}
	sents, err := ReadConllu(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return sents, nil
}

// TreebankDir is where the treebanks sit, relative to the repository root.
const TreebankDir = "quizzes/nlp/testdata"

// TreebankPath is the file of one split ("train", "dev", "test") of one
// treebank ("ewt", "gum") under dir (TreebankDir from the repository root,
// "testdata" from this package's tests).
func TreebankPath(dir, treebank, split string) string {
	return dir + "/" + treebank + "/" + split + ".conllu.gz"
}

// ReadTreebank reads one split of one treebank under dir.
func ReadTreebank(dir, treebank, split string) ([]ConlluSentence, error) {
	return ReadConlluFile(TreebankPath(dir, treebank, split))
}
