package nlp

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// lexicon gives lemmas and features. Words seen in training take the lemma
// and features they had most often with their Penn tag; an unseen word
// takes its lemma from the suffix rule learned for its tag and ending
// ("-ies" NNS: drop 3, add "y") and the usual features of its tag.
type lexicon struct {
	lemma    map[string]string    // lower form + "\t" + XPOS -> lemma
	rule     map[string]lemmaRule // XPOS + "\t" + ending -> rule
	feats    map[string]Features  // lower form + "\t" + XPOS -> features, where not the tag's usual
	tagFeats map[string]Features  // UPOS + " " + XPOS -> usual features
}

// lemmaRule turns a form into its lemma: drop Strip bytes, add Add.
type lemmaRule struct {
	Strip int
	Add   string
}

// maxEnding is the longest word ending a lemma rule is keyed by.
const maxEnding = 5

// annotate fills Lemma and Feats of tagged tokens.
func (x *lexicon) annotate(toks []Token) {
	for i := range toks {
		t := &toks[i]
		lower := strings.ToLower(t.Form)
		key := lower + "\t" + t.XPOS
		if f, ok := x.feats[key]; ok {
			t.Feats = f
		} else {
			t.Feats = x.tagFeats[t.UPOS+" "+t.XPOS]
		}
		if l, ok := x.lemma[key]; ok {
			t.Lemma = l
			continue
		}
		if t.UPOS == "PROPN" || t.XPOS == "NNP" {
			t.Lemma = t.Form
			continue
		}
		t.Lemma = x.ruleLemma(lower, t.XPOS)
	}
}

func (x *lexicon) ruleLemma(lower, xpos string) string {
	for k := min(len(lower), maxEnding); k >= 0; k-- {
		r, ok := x.rule[xpos+"\t"+lower[len(lower)-k:]]
		if ok && r.Strip <= len(lower) {
			return lower[:len(lower)-r.Strip] + r.Add
		}
	}
	return lower
}

// The file: one entry per line, tab-separated, sorted:
//
//	L form xpos lemma / R xpos ending strip add / F form xpos feats / T "upos xpos" feats
func (x *lexicon) writeTo(w io.Writer) error {
	var lines []string
	for k, v := range x.lemma {
		lines = append(lines, "L\t"+k+"\t"+v)
	}
	for k, v := range x.rule {
		lines = append(lines, "R\t"+k+"\t"+strconv.Itoa(v.Strip)+"\t"+v.Add)
	}
	for k, v := range x.feats {
		lines = append(lines, "F\t"+k+"\t"+v.String())
	}
	for k, v := range x.tagFeats {
		lines = append(lines, "T\t"+k+"\t"+v.String())
	}
	sortStrings(lines)
	bw := bufio.NewWriter(w)
	for _, l := range lines {
		bw.WriteString(l)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

func readLexicon(r io.Reader) (*lexicon, error) {
	x := &lexicon{lemma: map[string]string{}, rule: map[string]lemmaRule{}, feats: map[string]Features{}, tagFeats: map[string]Features{}}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		bad := func() error { return fmt.Errorf("lexicon line %d: %q", line, sc.Text()) }
		switch {
		case f[0] == "L" && len(f) == 4:
			x.lemma[f[1]+"\t"+f[2]] = f[3]
		case f[0] == "R" && len(f) == 5:
			n, err := strconv.Atoi(f[3])
			if err != nil {
				return nil, bad()
			}
			x.rule[f[1]+"\t"+f[2]] = lemmaRule{Strip: n, Add: f[4]}
		case f[0] == "F" && len(f) == 4:
			x.feats[f[1]+"\t"+f[2]] = ParseFeatures(f[3])
		case f[0] == "T" && len(f) == 3:
			x.tagFeats[f[1]] = ParseFeatures(f[2])
		default:
			return nil, bad()
		}
	}
	return x, sc.Err()
}
