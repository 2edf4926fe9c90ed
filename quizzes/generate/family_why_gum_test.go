package generate

import (
	"strconv"
	"strings"
	"testing"

	"quiztrainer/quizzes/nlp"
)

// gumRelation is one of GUM's PDTB-style cause or purpose relations:
// the byte spans of the reason (or goal) and of what it explains.
type gumRelation struct {
	explicit       bool
	sense, conn    string
	reason, effect [][2]int
}

// gumDocs splits a CoNLL-U file into its documents.
func gumDocs(t *testing.T, split string) [][]nlp.ConlluSentence {
	sents, err := nlp.ReadTreebank("../nlp/testdata", "gum", split)
	if err != nil {
		t.Fatal(err)
	}
	var docs [][]nlp.ConlluSentence
	for _, s := range sents {
		if _, ok := s.Comment("newdoc id"); ok || len(docs) == 0 {
			docs = append(docs, nil)
		}
		docs[len(docs)-1] = append(docs[len(docs)-1], s)
	}
	return docs
}

// gumCauses reads a document's cause and purpose relations (PDTB= in
// MISC; token numbers count from 1 over the whole document).
func gumCauses(sents []nlp.ConlluSentence, d *nlp.Document) []gumRelation {
	var toks [][2]int
	for _, s := range d.Sentences {
		for _, tk := range s.Tokens {
			toks = append(toks, [2]int{tk.Start, tk.End})
		}
	}
	spans := func(r string) [][2]int {
		var out [][2]int
		for _, part := range strings.Split(r, ",") {
			a, b, _ := strings.Cut(part, "-")
			i, err1 := strconv.Atoi(a)
			j := i
			var err2 error
			if b != "" {
				j, err2 = strconv.Atoi(b)
			}
			if err1 != nil || err2 != nil || i < 1 || j > len(toks) {
				continue
			}
			out = append(out, [2]int{toks[i-1][0], toks[j-1][1]})
		}
		return out
	}
	var out []gumRelation
	for _, s := range sents {
		for _, w := range s.Words {
			v := nlp.MiscValue(w.Misc, "PDTB")
			if v == "" {
				continue
			}
			for _, rel := range strings.Split(v, ";") {
				f := strings.Split(rel, ":")
				if len(f) < 6 {
					continue
				}
				sense := f[1]
				if !strings.HasPrefix(sense, "Contingency.Cause") && !strings.HasPrefix(sense, "Contingency.Purpose") {
					continue
				}
				arg1, arg2 := spans(f[len(f)-2]), spans(f[len(f)-1])
				g := gumRelation{explicit: f[0] == "Explicit", sense: sense, conn: f[2]}
				switch {
				case strings.HasSuffix(sense, "Reason"), strings.HasSuffix(sense, "Arg2-as-goal"):
					g.reason, g.effect = arg2, arg1
				default: // Result, Arg1-as-goal
					g.reason, g.effect = arg1, arg2
				}
				out = append(out, g)
			}
		}
	}
	return out
}

func overlaps(spans [][2]int, a, b int) bool {
	for _, s := range spans {
		if a < s[1] && s[0] < b {
			return true
		}
	}
	return false
}

// The why family's reasons, measured against GUM's cause and purpose
// relations on its dev and test documents (never used to tune the
// family's rules): a found reason is right when its reason overlaps the
// relation's reason and its effect's verb lies in the explained part.
func TestWhyFindsGUMCauses(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 32 GUM documents")
	}
	p := testPipeline(t)
	found, right, gold, goldExplicit, hit, hitExplicit := 0, 0, 0, 0, 0, 0
	byMarker := map[string][2]int{}
	for _, split := range []string{"dev", "test"} {
		for _, sents := range gumDocs(t, split) {
			gd := nlp.DocumentFromConllu(sents)
			rels := gumCauses(sents, gd)
			in := &Input{Doc: p.nlp.Read(gd.Text), lists: p.lists, keepChain: -1}
			in.Phrases = in.phrases()
			in.Facts = in.extractFacts()
			rs := in.reasons()
			matched := make([]bool, len(rels))
			for _, r := range rs {
				found++
				es := &in.Doc.Sentences[r.Effect.Sentence]
				v := es.Tokens[r.Effect.Pred]
				ok := false
				for gi, g := range rels {
					if overlaps(g.reason, r.CauseStart, r.CauseEnd) && overlaps(g.effect, v.Start, v.End) {
						ok = true
						matched[gi] = true
					}
				}
				m := byMarker[r.Marker]
				m[0]++
				if ok {
					right++
					m[1]++
				}
				byMarker[r.Marker] = m
			}
			for gi, g := range rels {
				gold++
				if g.explicit {
					goldExplicit++
				}
				if matched[gi] {
					hit++
					if g.explicit {
						hitExplicit++
					}
				}
			}
		}
	}
	t.Logf("GUM dev+test: %d reasons found, %d right (precision %.2f); %d gold cause/purpose relations, %d found (recall %.2f); explicit ones %d, found %d (recall %.2f)",
		found, right, float64(right)/float64(max(found, 1)), gold, hit, float64(hit)/float64(max(gold, 1)),
		goldExplicit, hitExplicit, float64(hitExplicit)/float64(max(goldExplicit, 1)))
	for m, c := range byMarker {
		t.Logf("  %-14s found %3d right %3d", m, c[0], c[1])
	}
	if found == 0 || float64(right)/float64(found) < 0.4 {
		t.Errorf("precision %d of %d is below 0.4", right, found)
	}
}
