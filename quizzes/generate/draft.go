package generate

import (
	"sort"
	"strings"

	"quiztrainer/quizzes"
)

// comprehensionPrefixes name the template families that ask beyond one
// phrase; the draft keeps room for them.
var comprehensionPrefixes = []string{"why.", "how.", "mainidea.", "sequence.", "vocab."}

// comprehensionSlots is how many of a draft's questions are kept for
// comprehension families when they offer any.
const comprehensionSlots = 2

func isComprehension(template string) bool {
	for _, p := range comprehensionPrefixes {
		if strings.HasPrefix(template, p) {
			return true
		}
	}
	return false
}

// pickDraft chooses n questions from the ranked candidates: no two on one
// fact (the same key, or the same sentence asked the same way), no prompt
// that holds another pick's key, at most two of one template, and up to
// comprehensionSlots comprehension questions first. The picks come in the
// text's order, so students answer as they read.
//
// ok, when not nil, is asked last of each question about to be picked
// (the prompt read back as a well-formed question).
func pickDraft(ranked []*Candidate, n int, ok func(*Candidate) bool) []*Candidate {
	var picks []*Candidate
	perTemplate := map[string]int{}
	try := func(c *Candidate) bool {
		if len(picks) >= n || perTemplate[c.Template] >= 3 || strings.HasPrefix(c.Template, "blank.") {
			return false
		}
		for _, p := range picks {
			if p == c || sameFact(p, c) || givesAway(p, c) || givesAway(c, p) {
				return false
			}
		}
		if ok != nil && !ok(c) {
			return false
		}
		picks = append(picks, c)
		perTemplate[c.Template]++
		return true
	}
	comp := 0
	for _, c := range ranked {
		if comp < comprehensionSlots && isComprehension(c.Template) && try(c) {
			comp++
		}
	}
	for _, c := range ranked {
		try(c)
	}
	sort.SliceStable(picks, func(a, b int) bool { return picks[a].Sentence < picks[b].Sentence })
	return picks
}

// sameFact reports two questions on one fact: the same key, or the same
// evidence sentence with keys that contain each other.
func sameFact(a, b *Candidate) bool {
	ka, kb := quizzes.NormalizeAnswer(a.Key), quizzes.NormalizeAnswer(b.Key)
	if ka == kb {
		return true
	}
	if a.Sentence == b.Sentence && (strings.Contains(ka, kb) || strings.Contains(kb, ka)) {
		return true
	}
	return a.Fact != nil && a.Fact == b.Fact && a.family() == b.family()
}

// givesAway reports whether a's prompt or choices hold b's key.
func givesAway(a, b *Candidate) bool {
	k := quizzes.NormalizeAnswer(b.Key)
	if len(k) < 3 {
		return false
	}
	p := " " + quizzes.NormalizeAnswer(a.Prompt) + " "
	return strings.Contains(p, " "+k+" ")
}

// ForQuiz picks the best n of qs (best first) for one quiz, leaving out a
// question that shares its key with an earlier pick or whose prompt holds
// another's key, and returns the picks in the article's order.
func ForQuiz(qs []quizzes.Question, n int) []quizzes.Question {
	var out []quizzes.Question
	var picked []*Candidate
	for _, q := range qs {
		if len(out) == n {
			break
		}
		key := ""
		if k := q.Keys(); q.Kind != quizzes.TrueFalse && len(k) > 0 {
			key = k[0]
		}
		c := &Candidate{Prompt: q.Prompt, Key: key, Sentence: q.Evidence.Start}
		clash := false
		for _, p := range picked {
			if key != "" && quizzes.NormalizeAnswer(p.Key) == quizzes.NormalizeAnswer(key) || givesAway(p, c) || givesAway(c, p) {
				clash = true
				break
			}
		}
		if clash {
			continue
		}
		picked = append(picked, c)
		out = append(out, q)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Evidence.Start < out[b].Evidence.Start })
	return out
}
