package generate

import (
	"regexp"
	"strings"

	"quiztrainer/quizzes"
)

// familyVocab asks what a word means where the text itself explains it:
// 'Macro- means "large"' asks 'According to the text, what does "macro-"
// mean?' (key "large"); 'photoautotrophs, which means ...' and 'a word
// called X' do the same. The student has to find the explanation and read
// it as a meaning, not copy a phrase after a question's words.
type familyVocab struct{}

func init() { register(familyVocab{}) }

func (familyVocab) Name() string { return "vocab" }

// vocabPatterns find a term and the meaning the text gives it, in the
// sentence's own words: the term is a single word or a prefix ("micro-"),
// quoted or not; the meaning is quoted or runs to the next comma or stop.
var vocabPatterns = []*regexp.Regexp{
	// Macro- means "large," / The word "bio" means "life".
	regexp.MustCompile(`(?:^|[\s(])(?:the (?:word|term|prefix|suffix|root) )?["“]?([A-Za-z][A-Za-z'-]*-?)["”]?,? (?:means|meant) ["“]([^"”]{2,40}?)[,.]?["”]`),
	// photosynthesis, which means "putting together with light"
	regexp.MustCompile(`(?:^|[\s(])["“]?([A-Za-z][A-Za-z'-]*-?)["”]?,? which means ["“]([^"”]{2,40}?)[,.]?["”]`),
}

func (familyVocab) Ask(in *Input) []*Candidate {
	var out []*Candidate
	seen := map[string]bool{}
	for si := range in.Doc.Sentences {
		s := &in.Doc.Sentences[si]
		text := in.Doc.Text[s.Start:s.End]
		for _, re := range vocabPatterns {
			for _, m := range re.FindAllStringSubmatch(text, -1) {
				term, meaning := strings.ToLower(m[1]), strings.TrimSpace(m[2])
				// a meaning of more than three words is a definition, asked
				// by the "is" family; here the student types the meaning
				if seen[term] || len(term) < 3 || in.lists.stopWords[strings.Trim(term, "-")] || len(strings.Fields(meaning)) > 3 {
					continue
				}
				seen[term] = true
				c := &Candidate{
					Template: "vocab.means", Prompt: `According to the text, what does "` + term + `" mean?`,
					Key: meaning, KeyType: TThing, Sentence: si, Kind: quizzes.ShortAnswer,
				}
				c.feature("family", 0.6)
				c.feature("beyond", 1)
				out = append(out, c)
			}
		}
	}
	// with four or more explained words, the others' meanings are the
	// wrong choices: each is a real meaning from the text
	if len(out) >= 4 {
		for _, c := range out {
			c.Kind = quizzes.MultipleChoice
			for _, o := range out {
				if o != c && len(c.Distractors) < 3 {
					c.Distractors = append(c.Distractors, o.Key)
				}
			}
		}
	}
	return out
}
