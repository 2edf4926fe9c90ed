package legacy

import "strings"

// eventQuestions ask for more than a phrase: what someone did, what
// happened at a time, why something happened. People ask these as often
// as they ask for names, and a student's whole-sentence answer is accepted.
func (d *document) eventQuestions(c *clause) []candidate {
	var out []candidate
	si := c.s.Index
	toks := c.s.Toks
	sub := toks[c.subj[0]]
	// "What happened to neither of these outcomes?" asks about nothing.
	if sub.Tag == "EX" || sub.Tag == "IN" || sub.Tag == "RB" || sub.Tag == "," || negative[strings.ToLower(sub.Text)] || (c.subj[1]-c.subj[0] == 1 && pronouns[strings.ToLower(sub.Text)] && strings.ToLower(sub.Text) != "he" && strings.ToLower(sub.Text) != "she") {
		return nil
	}
	subj := d.subjectText(c)
	vg0 := c.main
	if len(c.aux) > 0 {
		vg0 = c.aux[0]
	}
	pred := d.words(si, vg0, c.rest[1])
	whole := d.inSentence(si, c.subj[0], c.rest[1])
	add := func(prompt, answer string, alts []string, tmpl string, score float64) {
		if prompt != "" && answer != "" && len(strings.Fields(answer)) >= 2 {
			out = append(out, candidate{prompt: prompt, answer: answer, alts: alts, atype: eThing, sent: si, template: tmpl, score: score})
		}
	}
	// "What does the brotherhood do?" -> "makes decisions concerning ..."
	// ("What do experts do?" asks about nobody in particular.)
	bare := c.subj[1]-c.subj[0] == 1 && (sub.Tag == "NNS" || sub.Tag == "NN")
	if !c.copula && !bare && len(strings.Fields(pred)) <= 16 {
		first := toks[vg0]
		switch {
		case c.passive:
			add(question("What happened to", subj), pred, []string{whole}, "event.what_happened_to", 0.5)
		case first.Tag == "MD":
			add(question("What", strings.ToLower(first.Text), subj, "do"), d.words(si, vg0+1, c.rest[1]), []string{pred, whole}, "event.what_do", 0.5)
		case haveForms[strings.ToLower(first.Text)] && len(c.aux) > 0:
			add(question("What", strings.ToLower(first.Text), subj, "done"), d.words(si, vg0+1, c.rest[1]), []string{pred, whole}, "event.what_do", 0.5)
		default:
			if do := map[string]string{"VBD": "did", "VBZ": "does", "VBP": "do"}[first.Tag]; do != "" {
				add(question("What", do, subj, "do"), pred, []string{whole}, "event.what_do", 0.5)
			}
		}
	}
	// "What happened in 1045?" -> the main clause
	if f := c.fronted[1]; f > 1 && toks[0].Tag == "IN" && !strings.EqualFold(toks[0].Text, "according") && f <= 14 {
		if len(strings.Fields(whole)) <= 20 {
			add(question("What happened", d.inSentence(si, 0, f)), whole, nil, "event.what_happened", 0.5)
		}
	}
	// "Because the soil was rich, farmers moved ..." -> "Why did farmers move ...?"
	if f := c.fronted[1]; f > 2 && c.fronted[0] == 0 {
		w, next := strings.ToLower(toks[0].Text), strings.ToLower(toks[1].Text)
		if w == "because" || (w == "due" || w == "owing" || w == "thanks") && next == "to" || w == "as" && next == "a" && f > 4 && strings.EqualFold(toks[2].Text, "result") {
			if f <= 20 {
				if prompt := d.inverted(c, "Why", subj, d.restText(c)); prompt != "" {
					add(prompt, lowerFirst(d.words(si, 0, f)), []string{d.words(si, causeWords(toks, 0), f)}, "cause.why", 0.5)
				}
			}
		}
	}
	// "Why ...?" -> "because ..."
	for k := c.rest[0]; k < len(toks)-2; k++ {
		w := strings.ToLower(toks[k].Text)
		next := strings.ToLower(toks[k+1].Text)
		cause := w == "because" || (w == "due" || w == "owing" || w == "thanks") && next == "to" ||
			w == "as" && next == "a" && k+3 < len(toks) && strings.EqualFold(toks[k+2].Text, "result") && strings.EqualFold(toks[k+3].Text, "of")
		if !cause {
			continue
		}
		if hasSubordinate(toks, c.rest[0], k) {
			break // the cause belongs to a relative clause, not to the main verb
		}
		e := k + 1
		for e < len(toks) && toks[e].Tag != "." && toks[e].Text != ";" {
			e++
		}
		if e-k < 3 || e-k > 20 {
			break
		}
		prompt := d.inverted(c, "Why", subj, d.wordsSkipping(si, c.rest[0], k))
		add(prompt, d.words(si, k, e), []string{d.words(si, k+causeWords(toks, k), e)}, "cause.why", 0.5)
		break
	}
	return out
}

// causeWords is how many words at k say that a cause follows: 1 for
// "because", 2 for "because of", "due to", "owing to", "thanks to", 4 for
// "as a result of".
func causeWords(toks []token, k int) int {
	switch strings.ToLower(toks[k].Text) {
	case "because":
		if k+1 < len(toks) && strings.EqualFold(toks[k+1].Text, "of") {
			return 2
		}
		return 1
	case "as":
		return 4
	}
	return 2
}
