package legacy

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"quiztrainer/quizzes"
)

// keep drops candidates no teacher would hand out: a vague or giveaway
// answer, an answer too long to be a key, a prompt that lost its verb or
// runs on.
func keep(c candidate) bool {
	if c.kind == quizzes.TrueFalse {
		return len(strings.Fields(c.prompt)) <= 40
	}
	if strings.ContainsAny(c.answer, "{}<>|") || strings.ContainsAny(c.prompt, "{}<>|") {
		return false // markup pasted with the text: "<ref>", ".cs1-maint{display:none}"
	}
	if c.kind != quizzes.Cloze && c.kind != quizzes.TrueFalse && garbled(c.prompt) {
		return false
	}
	if c.prompt == "" || c.answer == "" || isVague(c.answer) || c.kind != quizzes.Cloze && strings.Count(c.prompt, "(") != strings.Count(c.prompt, ")") {
		return false // a bracket cut in half: "What did rulers of Armenia) do?"
	}
	if f := strings.Fields(strings.ToLower(c.answer)); danglers[f[len(f)-1]] || strings.Contains(c.answer, ", but") {
		return false // "Channels above 37 GHz display emission signals, but": a key cut mid-clause
	}
	if f := strings.Fields(strings.ToLower(c.answer)); negative[f[0]] {
		return false // "Neither of these outcomes" answers no question asked without the negation
	}
	aw := len(strings.Fields(c.answer))
	if aw == 1 && strings.HasPrefix(c.template, "object.") && strings.HasSuffix(strings.ToLower(c.answer), "ing") {
		return false // "What did they end up in squalor?" -> "living"
	}
	pw := len(strings.Fields(c.prompt))
	long := strings.HasPrefix(c.template, "event.") || strings.HasPrefix(c.template, "cause.")
	if (aw > 12 && !long) || aw > 25 || pw < 3 || pw > 40 {
		return false
	}
	if c.kind != "cloze" && givesAway(c.prompt, c.answer) {
		return false
	}
	return true
}

// garbled reports the shapes of a question that a misread sentence leaves:
// "what" twice ("The continent became what of what could be termed?"), a word twice in a row ("to who who created"), a conjunction
// right after "did" ("What did but nowhere do ..."), a question word after
// a colon.
func garbled(prompt string) bool {
	words := strings.Fields(strings.ToLower(strings.TrimSuffix(prompt, "?")))
	wh := 0
	for i, w := range words {
		if w == "what" { // "who" and "when" also open relative clauses
			wh++
		}
		if i > 0 && (w == words[i-1] && (w == "who" || w == "what" || w == "the" || w == "a" || w == "to" || w == "for") ||
			(words[i-1] == "did" || words[i-1] == "does" || words[i-1] == "do") && (w == "and" || w == "or" || w == "but")) {
			return true
		}
	}
	return wh > 1 || strings.HasSuffix(prompt, ": what?") || strings.HasSuffix(prompt, ": who?") || strings.HasSuffix(prompt, ": when?")
}

// keeps is keep with what only the sentence can tell.
func (d *document) keeps(c candidate) bool {
	return keep(c) && !d.endsMidPhrase(c)
}

// endsMidPhrase reports whether a question stops after an article and an
// adjective whose noun it lost: "What did they seek to reform by creating
// a new?".
func (d *document) endsMidPhrase(c candidate) bool {
	if c.kind == quizzes.Cloze || c.kind == quizzes.TrueFalse {
		return false
	}
	f := strings.Fields(strings.TrimSuffix(c.prompt, "?"))
	if len(f) < 2 {
		return false
	}
	last, before := f[len(f)-1], strings.ToLower(f[len(f)-2])
	toks := d.sents[c.sent].Toks
	for k := 1; k+1 < len(toks); k++ {
		if toks[k].Text == last && strings.HasPrefix(toks[k].Tag, "JJ") && strings.ToLower(toks[k-1].Text) == before &&
			toks[k-1].Tag == "DT" && isNounTag(toks[k+1].Tag) {
			return true
		}
	}
	return false
}

// quality is the ranking model's estimate that a reader would ask for the
// candidate's key, from 0 to 1.
func (d *document) quality(c candidate) float64 {
	z := rankWeights["bias"] + rankPrior*(c.score-0.6) + formBonus[formRank(c)]
	for _, f := range d.features(c) {
		if f == "t=attribution" || f == "t=role" {
			// too rare in the fitting set to learn from: the template's own
			// score stands, and news articles are full of them
			continue
		}
		z += rankWeights[f]
	}
	return 1 / (1 + math.Exp(-z))
}

// rank orders candidates best first. Within a sentence each further
// question loses a little, so that the list walks through the article
// instead of asking five things about its first line; exact repeats of a
// prompt and second questions with the same key from one sentence go.
func (d *document) rank(cands []candidate) []candidate {
	var kept []candidate
	for _, c := range cands {
		if d.keeps(c) {
			c.score = d.quality(c)
			kept = append(kept, c)
		}
	}
	// one question per key and sentence: the best-worded form of it, with
	// the best score any form of it earned
	best := map[string]int{}
	var forms []candidate
	for _, c := range kept {
		k := quizzes.NormalizeAnswer(c.answer) + "\x00" + itoa(c.sent) // "The Amazon River" is "Amazon River"
		if c.kind == quizzes.TrueFalse {
			k = "\x01" + c.prompt
		}
		i, ok := best[k]
		if !ok {
			best[k] = len(forms)
			forms = append(forms, c)
			continue
		}
		top := math.Max(forms[i].score, c.score)
		if formRank(c) < formRank(forms[i]) || (formRank(c) == formRank(forms[i]) && c.score > forms[i].score) {
			forms[i] = c
		}
		forms[i].score = top
	}
	kept = forms
	sort.SliceStable(kept, func(a, b int) bool {
		if kept[a].score != kept[b].score {
			return kept[a].score > kept[b].score
		}
		if kept[a].sent != kept[b].sent {
			return kept[a].sent < kept[b].sent
		}
		return kept[a].prompt < kept[b].prompt
	})
	seenPrompt := map[string]bool{}
	seenKey := map[string]int{}
	perSent := map[int]int{}
	adjusted := make([]float64, 0, len(kept))
	var out []candidate
	for _, c := range kept {
		pk := strings.ToLower(c.prompt)
		kk := strings.ToLower(c.answer)
		if seenPrompt[pk] || seenKey[kk+"\x00"+itoa(c.sent)] > 0 {
			continue
		}
		seenPrompt[pk] = true
		seenKey[kk+"\x00"+itoa(c.sent)]++
		adj := c.score - 0.05*float64(perSent[c.sent])
		if seenKey[kk] > 0 {
			adj -= 0.1
		}
		if c.kind == quizzes.TrueFalse {
			adj -= 0.3 // a coin toss tests little: after the questions that ask for something
		}
		seenKey[kk]++
		perSent[c.sent]++
		out = append(out, c)
		adjusted = append(adjusted, adj)
	}
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return adjusted[idx[a]] > adjusted[idx[b]] })
	res := make([]candidate, len(out))
	for i, k := range idx {
		res[i] = out[k]
		// the reported score is the one the order follows
		res[i].score = math.Max(0, adjusted[k])
	}
	return res
}

func itoa(i int) string { return strconv.Itoa(i) }

// formRank orders the ways of asking for the same key: a wh-question, then
// a question in place, then a blank.
func formRank(c candidate) int {
	switch {
	case strings.HasPrefix(c.template, "cloze."):
		return 3
	case strings.HasPrefix(c.template, "insitu."):
		return 2
	case strings.HasPrefix(c.template, "event."):
		return 1
	}
	return 0
}

// formBonus favours questions over blanks a little beyond what the model
// says about their keys: a question tests reading, a blank tests recall of
// wording.
var formBonus = [...]float64{0.3, 0.15, 0, -0.3}
