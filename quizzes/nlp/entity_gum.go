package nlp

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// GUM marks entities in column 10 of CoNLL-U as brackets in an Entity=
// attribute. The document comment `# global.Entity =
// GRP-etype-infstat-salience-centering-minspan-link-identity` names the
// fields of an opening bracket: "(1-person-new-sssss-cf1-1,2-coref-Daniel_Bernoulli"
// opens a mention of group 1, a person; "1)" closes it; "(5-time-...)" opens
// and closes on one token. Brackets nest, and a token may carry several.
// The identity (a Wikipedia title) is percent-escaped, so it holds no
// brackets, but it may hold dashes.

// gumMention is one mention as GUM annotates it.
type gumMention struct {
	Sentence   int
	Start, End int // token indexes: [Start, End)
	Group      string
	Type       EntityType
	Link       string // coref, ana, appos, pred, sgl, ...
	Identity   string // Wikipedia title, "" when none
}

// parseGUMEntities reads the Entity= brackets of one document's column 10,
// given per sentence and per token (misc[s][t] is the whole column). The
// mentions come back in text order, longer ones first when two start
// together. An unbalanced bracket is an error that says where.
func parseGUMEntities(misc [][]string) ([]gumMention, error) {
	var out []gumMention
	var opened []int // order of opening, to sort mentions with one span outer first
	type open struct {
		at, seq int
		head    gumMention
	}
	seq := 0
	for s, row := range misc {
		stack := map[string][]open{}
		for t, col := range row {
			v := MiscValue(col, "Entity")
			for i := 0; i < len(v); {
				if v[i] == '(' {
					j := i + 1
					for j < len(v) && v[j] != '(' && v[j] != ')' {
						j++
					}
					f := strings.SplitN(v[i+1:j], "-", 8)
					if len(f) < 2 || f[0] == "" {
						return nil, fmt.Errorf("nlp: sentence %d token %d: Entity bracket %q has no group and type", s+1, t+1, v[i:j])
					}
					m := gumMention{Sentence: s, Start: t, Group: f[0], Type: EntityType(f[1])}
					if len(f) > 6 {
						m.Link = f[6]
					}
					if len(f) > 7 {
						m.Identity = f[7]
					}
					seq++
					if j < len(v) && v[j] == ')' {
						m.End = t + 1
						out = append(out, m)
						opened = append(opened, seq)
						j++
					} else {
						stack[m.Group] = append(stack[m.Group], open{t, seq, m})
					}
					i = j
					continue
				}
				j := i
				for j < len(v) && v[j] != ')' && v[j] != '(' {
					j++
				}
				if j >= len(v) || v[j] != ')' {
					return nil, fmt.Errorf("nlp: sentence %d token %d: Entity value %q: expected a closing bracket", s+1, t+1, v)
				}
				g := v[i:j]
				st := stack[g]
				if len(st) == 0 {
					return nil, fmt.Errorf("nlp: sentence %d token %d: Entity bracket %q closes a mention that was not opened", s+1, t+1, g+")")
				}
				m := st[len(st)-1].head
				opened = append(opened, st[len(st)-1].seq)
				stack[g] = st[:len(st)-1]
				m.End = t + 1
				out = append(out, m)
				i = j + 1
			}
		}
		for g, st := range stack {
			if len(st) > 0 {
				return nil, fmt.Errorf("nlp: sentence %d: Entity bracket of group %s opened at token %d is never closed", s+1, g, st[0].at+1)
			}
		}
	}
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(i, j int) bool {
		a, b := out[idx[i]], out[idx[j]]
		if a.Sentence != b.Sentence {
			return a.Sentence < b.Sentence
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End > b.End
		}
		return opened[idx[i]] < opened[idx[j]]
	})
	sorted := make([]gumMention, len(out))
	for i, k := range idx {
		sorted[i] = out[k]
	}
	return sorted, nil
}

// EntityBrackets renders the document's mentions as GUM-style Entity=
// values, one per token (out[s][t], "" when the token opens or closes
// nothing), for column 10 of CoNLL-U. A mention's group is its chain's
// number (1-based, in chain order); a mention in no chain gets a number of
// its own after the chains.
func EntityBrackets(doc *Document) [][]string {
	out := make([][]string, len(doc.Sentences))
	for s := range doc.Sentences {
		out[s] = make([]string, len(doc.Sentences[s].Tokens))
	}
	group := make([]int, len(doc.Mentions))
	next := len(doc.Chains) + 1
	for i, m := range doc.Mentions {
		if m.Chain >= 0 && m.Chain < len(doc.Chains) {
			group[i] = m.Chain + 1
		} else {
			group[i] = next
			next++
		}
	}
	// Opens go in mention order (outer first); closes must come innermost
	// first, so collect them per token and emit shorter spans first.
	type closer struct{ start, idx int }
	closes := map[[2]int][]closer{}
	var b strings.Builder
	for i, m := range doc.Mentions {
		if m.Sentence < 0 || m.Sentence >= len(out) || m.Start < 0 || m.End > len(out[m.Sentence]) || m.Start >= m.End {
			continue
		}
		b.Reset()
		b.WriteString(out[m.Sentence][m.Start])
		fmt.Fprintf(&b, "(%d-%s", group[i], m.Type)
		if m.End == m.Start+1 {
			b.WriteByte(')')
		} else {
			k := [2]int{m.Sentence, m.End - 1}
			closes[k] = append(closes[k], closer{m.Start, i})
		}
		out[m.Sentence][m.Start] = b.String()
	}
	keys := make([][2]int, 0, len(closes))
	for k := range closes {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return keys[i][1] < keys[j][1]
	})
	for _, k := range keys {
		cs := closes[k]
		sort.SliceStable(cs, func(i, j int) bool {
			return cs[i].start > cs[j].start || (cs[i].start == cs[j].start && cs[i].idx > cs[j].idx)
		})
		v := out[k[0]][k[1]]
		for _, c := range cs {
			v += strconv.Itoa(group[c.idx]) + ")"
		}
		out[k[0]][k[1]] = v
	}
	return out
}
