package generate

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"quiztrainer/quizzes"
)

// The learned ranking: a logistic regression that reads a candidate as a
// teacher sees it (its family, kind, prompt, key and choices, and where
// its evidence stands in the text) and gives the chance that a reader
// judging it with ../shared/eval/JUDGING.md finds it acceptable. It is
// trained and measured on the judged drafts of testdata/judging by
// cmd/qgrank (quality_train.go). Held out by text, it has not ranked the
// judged questions better than the generator's own score (rank.go; the
// figures are in docs/BENCHMARKS.md), so the generator does not use it:
// its features and training stay, to be measured again as the judged
// drafts grow.

// qualityModel is a logistic regression over named features.
type qualityModel struct {
	// Weights by feature name; "bias" is the intercept.
	Weights map[string]float64 `json:"weights"`
	// Note says how the weights were made.
	Note string `json:"note,omitempty"`
}

// prob is the model's chance that a candidate with features f is
// acceptable.
func (m *qualityModel) prob(f map[string]float64) float64 {
	names := make([]string, 0, len(f))
	for k := range f {
		names = append(names, k)
	}
	sort.Strings(names) // a fixed order: the same sum to the last digit
	z := m.Weights["bias"]
	for _, k := range names {
		z += m.Weights[k] * f[k]
	}
	return 1 / (1 + math.Exp(-z))
}

// pointingWords point back to something the question does not name.
var pointingWords = map[string]bool{
	"this": true, "these": true, "those": true, "it": true, "its": true, "they": true,
	"them": true, "their": true, "he": true, "she": true, "his": true, "her": true,
	"him": true, "such": true,
}

// qualityFeatures are the learned ranking's features of a candidate whose
// kind, choices and accepted answers are set. They read only what the
// question shows and the analysed text, so a judged question stored as
// JSON gets the same features as the candidate it came from.
func (in *Input) qualityFeatures(c *Candidate) map[string]float64 {
	f := map[string]float64{}
	fam := c.family()
	if c.Template == "" || c.Template == "legacy" {
		fam = "legacy"
	}
	f["fam:"+fam] = 1
	f["kind:"+string(c.Kind)] = 1

	// the key
	key := strings.TrimSpace(c.Key)
	kw := strings.Fields(key)
	if c.Kind != quizzes.TrueFalse && c.Kind != quizzes.Matching && !isComprehension(c.Template) {
		switch n := len(kw); {
		case n <= 1:
			f["key:1word"] = 1
		case n == 2:
			f["key:2words"] = 1
		case n == 3:
			f["key:3words"] = 1
		case n <= 5:
			f["key:4-5words"] = 1
		default:
			f["key:6+words"] = 1
		}
		content, capital, digit := 0, 0, false
		for i, w := range kw {
			lw := strings.ToLower(strings.Trim(w, ".,;:'\"()"))
			if lw == "" || in.lists.stopWords[lw] {
				continue
			}
			content++
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.IsUpper(r) && (i > 0 || !firstWordOf(in, c, w)) {
				capital++
			}
			if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
				digit = true
			}
			if pointingWords[lw] {
				f["key:points"] = 1
			}
		}
		if len(kw) > 0 && pointingWords[strings.ToLower(kw[0])] {
			f["key:points"] = 1
		}
		switch {
		case digit:
			f["key:number"] = 1
		case content > 0 && capital == content:
			f["key:name"] = 1
		case capital > 0:
			f["key:partname"] = 1
		default:
			f["key:common"] = 1
		}
		if content == 0 {
			f["key:nocontent"] = 1
		}
		if n := quizzes.NormalizeAnswer(key); n != "" {
			if t := in.title(); t != "" && strings.Contains(" "+t+" ", " "+n+" ") {
				f["key:intitle"] = 1
			}
			if m := strings.Count(strings.ToLower(in.Text), strings.ToLower(key)); m > 1 {
				f["key:repeated"] = math.Min(float64(m-1), 4) / 4
			}
		}
		if c.Kind == quizzes.ShortAnswer || c.Kind == quizzes.Cloze {
			// as the stored question lists them: once each, not the key
			seen := map[string]bool{quizzes.NormalizeAnswer(key): true}
			for _, a := range c.Accepted {
				seen[quizzes.NormalizeAnswer(a)] = true
			}
			delete(seen, "")
			f["key:accepted"] = math.Min(float64(len(seen)-1), 3) / 3
		}
	}

	// the prompt
	pw := strings.Fields(c.Prompt)
	f["prompt:words"] = math.Min(float64(len(pw)), 45) / 30
	if len(pw) > 25 {
		f["prompt:long"] = 1
	}
	if len(pw) < 8 {
		f["prompt:short"] = 1
	}
	points := 0
	for _, w := range pw {
		if pointingWords[strings.ToLower(strings.Trim(w, ".,;:?!'\"()"))] {
			points++
		}
	}
	if points > 0 && !isComprehension(c.Template) {
		f["prompt:points"] = math.Min(float64(points), 2) / 2
	}
	lp := strings.ToLower(c.Prompt)
	wh := "none"
	if len(pw) > 0 {
		switch w := strings.ToLower(pw[0]); w {
		case "who", "what", "when", "where", "why", "how", "which", "whose", "whom":
			wh = w
		}
	}
	if c.Kind == quizzes.TrueFalse || c.Kind == quizzes.Cloze {
		wh = "none"
	}
	f["wh:"+wh] = 1
	if strings.HasPrefix(lp, "what happened") || strings.HasSuffix(lp, " do?") {
		f["prompt:whathappened"] = 1
	}
	if strings.ContainsAny(c.Prompt, "\"“”") {
		f["prompt:quote"] = 1
	}
	if strings.ContainsAny(c.Prompt, "()[]") {
		f["prompt:bracket"] = 1
	}
	if strings.HasPrefix(c.Prompt, "...") || strings.HasPrefix(c.Prompt, "…") || strings.HasSuffix(c.Prompt, "...") {
		f["prompt:fragment"] = 1
	}
	if strings.HasPrefix(c.Prompt, quizzes.Blank) {
		f["prompt:blankfirst"] = 1
	}
	if strings.Contains(c.Prompt, ",") && strings.Count(c.Prompt, ",") >= 3 {
		f["prompt:commas"] = 1
	}

	// the evidence
	if c.Sentence >= 0 && c.Sentence < len(in.Doc.Sentences) {
		n := len(in.Doc.Sentences)
		f["ev:early"] = 1 - float64(c.Sentence)/float64(n+1)
		if c.Sentence == 0 {
			f["ev:first"] = 1
		}
		s := &in.Doc.Sentences[c.Sentence]
		f["ev:words"] = math.Min(float64(len(s.Tokens)), 60) / 40
		// the key read from its words alone, as a stored question has it
		bare := &Candidate{Kind: c.Kind, Key: c.Key}
		if in.aboutTopic(c.Sentence) && !keyIsTopic(in, bare) {
			f["ev:topic"] = 1
		}
		if len(pw) > 0 {
			ev := map[string]bool{}
			for _, t := range s.Tokens {
				ev[strings.ToLower(t.Form)] = true
			}
			same := 0
			for _, w := range pw {
				if ev[strings.ToLower(strings.Trim(w, ".,;:?!'\"()"))] {
					same++
				}
			}
			f["prompt:copied"] = float64(same) / float64(len(pw))
		}
	}

	// the wrong choices
	if c.Kind == quizzes.MultipleChoice && len(c.Distractors) > 0 && !isComprehension(c.Template) {
		kc, kn := startsUpper(key), len(kw)
		alike := 0
		for _, d := range c.Distractors {
			dn := len(strings.Fields(d))
			if startsUpper(d) == kc && dn >= kn-1 && dn <= kn+1 {
				alike++
			}
		}
		f["mc:alike"] = float64(alike) / float64(len(c.Distractors))
	}
	return f
}

// qualityFeatures adds to Input.qualityFeatures whether the prompt reads
// back as a well-formed question (wellformed.go), which costs a parse.
func (p *Pipeline) qualityFeatures(in *Input, c *Candidate) map[string]float64 {
	f := in.qualityFeatures(c)
	if !p.wellFormedCandidate(c) {
		f["prompt:illformed"] = 1
	}
	return f
}

// firstWordOf reports a key word that opens its evidence sentence, whose
// capital says nothing about being a name.
func firstWordOf(in *Input, c *Candidate, w string) bool {
	if c.Sentence < 0 || c.Sentence >= len(in.Doc.Sentences) {
		return false
	}
	s := &in.Doc.Sentences[c.Sentence]
	return len(s.Tokens) > 0 && s.Tokens[0].Form == w && s.Tokens[0].UPOS != "PROPN"
}
