package legacy

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unsafe"

	"github.com/jdkato/prose/v2"
)

// posTagger is prose's averaged-perceptron part-of-speech tagger, run on
// prose's own weights but scored in a fixed order. prose adds up and compares
// the scores while ranging over Go maps, whose order changes from run to run,
// so a near tie between two tags (its weights are rounded to three decimals)
// can come out either way; the same article must always give the same
// questions. The features and the algorithm are prose v2.0.0's (MIT licence).
type posTagger struct {
	weights map[string]map[string]float64
	tagMap  map[string]string
	classes []string
	index   map[string]int
}

// newPOSTagger reads the weights out of a prose model. They are unexported,
// hence the reflection; a prose upgrade that moves them fails here, loudly.
func newPOSTagger(m *prose.Model) (*posTagger, error) {
	t := reflect.ValueOf(m).Elem().FieldByName("tagger")
	if !t.IsValid() || t.IsNil() {
		return nil, fmt.Errorf("generate: prose model has no tagger")
	}
	ap := t.Elem().FieldByName("model")
	if !ap.IsValid() || ap.IsNil() {
		return nil, fmt.Errorf("generate: prose tagger has no weights")
	}
	ap = ap.Elem()
	field := func(name string) (any, error) {
		f := ap.FieldByName(name)
		if !f.IsValid() {
			return nil, fmt.Errorf("generate: prose tagger has no field %s", name)
		}
		return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem().Interface(), nil
	}
	w, err := field("weights")
	if err != nil {
		return nil, err
	}
	tm, err := field("tagMap")
	if err != nil {
		return nil, err
	}
	cl, err := field("classes")
	if err != nil {
		return nil, err
	}
	p := &posTagger{index: map[string]int{}}
	var ok1, ok2, ok3 bool
	p.weights, ok1 = w.(map[string]map[string]float64)
	p.tagMap, ok2 = tm.(map[string]string)
	p.classes, ok3 = cl.([]string)
	if !ok1 || !ok2 || !ok3 {
		return nil, fmt.Errorf("generate: prose tagger weights have an unexpected type")
	}
	p.classes = append([]string(nil), p.classes...)
	for i, c := range p.classes {
		p.index[c] = i
	}
	return p, nil
}

// tag returns the Penn tag of each word.
func (p *posTagger) tag(words []string) []string {
	n := len(words)
	ctx := make([]string, n+4)
	ctx[0], ctx[1] = "-START-", "-START2-"
	for i, w := range words {
		ctx[i+2] = normalizeWord(w)
	}
	ctx[n+2], ctx[n+3] = "-END-", "-END2-"
	out := make([]string, n)
	p1, p2 := "-START-", "-START2-"
	scores := make([]float64, len(p.classes))
	for i, w := range words {
		tag, found := p.tagMap[w]
		switch {
		case w == "-":
			tag = "-"
		case !found && w != "":
			for k := range scores {
				scores[k] = 0
			}
			// each class gets one addition per feature, in the features'
			// fixed order: the sums no longer depend on map order
			for _, f := range features(i, ctx, w, p1, p2) {
				for class, weight := range p.weights[f] {
					if k, ok := p.index[class]; ok {
						scores[k] += weight
					}
				}
			}
			best := 0
			for k := range scores {
				if scores[k] > scores[best] {
					best = k
				}
			}
			tag = p.classes[best]
		}
		out[i] = tag
		p2, p1 = p1, tag
	}
	return out
}

// features are prose's perceptron features for word i (repeats count twice,
// as prose counts them).
func features(i int, ctx []string, w, p1, p2 string) []string {
	suf := min(len(w), 3)
	i = min(len(ctx)-2, i+2)
	iminus := min(len(ctx[i-1]), 3)
	iplus := min(len(ctx[i+1]), 3)
	return []string{
		"bias",
		"i suffix " + w[len(w)-suf:],
		"i pref1 " + string(w[0]),
		"i-1 tag " + p1,
		"i-2 tag " + p2,
		"i tag+i-2 tag " + p1 + " " + p2,
		"i word " + ctx[i],
		"i-1 tag+i word " + p1 + " " + ctx[i],
		"i-1 word " + ctx[i-1],
		"i-1 suffix " + ctx[i-1][len(ctx[i-1])-iminus:],
		"i-2 word " + ctx[i-2],
		"i+1 word " + ctx[i+1],
		"i+1 suffix " + ctx[i+1][len(ctx[i+1])-iplus:],
		"i+2 word " + ctx[i+2],
	}
}

func normalizeWord(word string) string {
	if word == "" {
		return word
	}
	first := string(word[0])
	if strings.Contains(word, "-") && first != "-" {
		return "!HYPHEN"
	} else if _, err := strconv.Atoi(word); err == nil && len(word) == 4 {
		return "!YEAR"
	} else if _, err := strconv.Atoi(first); err == nil {
		return "!DIGITS"
	}
	return strings.ToLower(word)
}
