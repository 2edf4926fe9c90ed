package quizzes

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestParagraphStarts(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, body string
		want       []int
	}{
		{"one line is one paragraph", "One. Two.", []int{0}},
		{"without blank lines each line is a paragraph", "One.\nTwo.\nThree.", []int{0, 5, 10}},
		{"blank lines part paragraphs of wrapped lines", "One\nwrapped.\n\nTwo\nwrapped.", []int{0, 14}},
		{"a line of spaces is blank", "One.\n  \t\nTwo.", []int{0, 9}},
		{"Windows line ends", "One.\r\n\r\nTwo.\r\n", []int{0, 8}},
		{"blank lines only at the ends: each line is a paragraph", "\n\nOne\nTwo.\n\n", []int{0, 2, 6}},
		{"several blank lines are one break", "One.\n\n\n\nTwo.", []int{0, 8}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := paragraphStarts(tc.body); !slices.Equal(got, tc.want) {
				t.Errorf("paragraphStarts(%q) = %v, want %v", tc.body, got, tc.want)
			}
		})
	}
}

// candidateOn is a generated short-answer question on the span of body
// holding the text at.
func candidateOn(body, at, prompt, key string) Question {
	i := strings.Index(body, at)
	return Question{Kind: ShortAnswer, Prompt: prompt, Template: "test", Choices: []Choice{{Text: key, Correct: true}},
		Evidence: Evidence{Start: i, End: i + len(at)}}
}

func TestOfferCandidates(t *testing.T) {
	t.Parallel()
	body := "Ada wrote the notes in 1843. Babbage built the engine.\n\nThe engine was never finished. It cost the government 17,000 pounds.\n\nLovelace died in 1852."
	s1, s2 := "Ada wrote the notes in 1843.", "Babbage built the engine."
	s3, s4, s5 := "The engine was never finished.", "It cost the government 17,000 pounds.", "Lovelace died in 1852."
	pick1 := candidateOn(body, s1, "Who wrote the notes?", "Ada")
	pick1.ID = 1
	pick2 := candidateOn(body, s4, "How much did the engine cost?", "17,000 pounds")
	pick2.ID = 2
	byHand := Question{ID: 3, Kind: Essay, Prompt: "Why does it matter?"}
	quiz := []Question{pick1, pick2, byHand}
	cands := []Candidate{
		{ID: 10, Rank: 1, Question: candidateOn(body, s1, "When did Ada write the notes?", "1843")},                // same sentence as pick 1
		{ID: 11, Rank: 2, Question: candidateOn(body, s5, "When did Lovelace die?", "1852")},                       // a paragraph of its own
		{ID: 12, Rank: 3, Question: candidateOn(body, s2, "Who built the engine?", "Babbage")},                     // same paragraph as pick 1
		{ID: 13, Rank: 4, Question: candidateOn(body, s3, "What was never finished?", "17,000 pounds")},            // pick 2's key: may replace it
		{ID: 14, Rank: 5, Question: candidateOn(body, s1, "Who wrote the notes?", "Ada Lovelace")},                 // pick 1's words on its evidence
		{ID: 15, Rank: 6, Question: candidateOn(body, s1, "Ada wrote the notes in _____.", "1843")},                // a third on pick 1's passage
		{ID: 16, Rank: 7, Question: candidateOn(body, s3, "The engine was never _____.", "finished")},              // same paragraph as pick 2
		{ID: 17, Rank: 8, Question: candidateOn(body, s5, "Who died in 1852?", "Ada")},                             // pick 1's key, elsewhere
		{ID: 18, Rank: 0, Question: candidateOn(body, s4, "Who paid 17,000 pounds for the engine?", "government")}, // ranked first, same sentence as pick 2
	}
	offer := OfferCandidates(body, quiz, cands)
	ids := func(cs []Candidate) []int64 {
		var out []int64
		for _, c := range cs {
			out = append(out, c.ID)
		}
		return out
	}
	for _, tc := range []struct {
		name string
		got  []int64
		want []int64
	}{
		{"pick 1 offers the same sentence first, then its paragraph, two at most", ids(offer.Alternatives[1]), []int64{10, 15}},
		{"pick 2 offers the same sentence, then its paragraph, where one on its own key may replace it", ids(offer.Alternatives[2]), []int64{18, 13}},
		{"a question written by hand offers nothing", ids(offer.Alternatives[3]), nil},
		{"the pool holds the rest best first, without repeats of the quiz's keys or prompts", ids(offer.Pool), []int64{11, 12, 16}},
	} {
		if !slices.Equal(tc.got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}

func TestOfferCandidatesAllowsTheSameKeyAsTheQuestionItReplaces(t *testing.T) {
	t.Parallel()
	body := "Ada wrote the notes in 1843."
	pick := candidateOn(body, body, "When did Ada write the notes?", "1843")
	pick.ID = 1
	other := candidateOn(body, body, "Ada wrote the notes in _____.", "1843")
	offer := OfferCandidates(body, []Question{pick}, []Candidate{{ID: 9, Rank: 1, Question: other}})
	if alts := offer.Alternatives[1]; len(alts) != 1 || alts[0].ID != 9 {
		t.Errorf("another form of the same question is not offered in its place: %+v", offer)
	}
	if len(offer.Pool) != 0 {
		t.Errorf("the pool repeats the quiz's key: %+v", offer.Pool)
	}
}

// FuzzPassages checks that any text gives paragraph starts in order and
// inside the text, and that a span is always on its own passage.
func FuzzPassages(f *testing.F) {
	for _, s := range []string{"", "\n", "One.\n\nTwo.", "a\r\n\r\nb\n", "\n\n\n", "x\n \ny\nz"} {
		f.Add(s, 0, 3)
	}
	f.Fuzz(func(t *testing.T, body string, start, end int) {
		starts := paragraphStarts(body)
		if len(starts) == 0 || starts[0] != 0 {
			t.Fatalf("paragraphStarts(%q) = %v: the first paragraph starts at 0", body, starts)
		}
		for i := 1; i < len(starts); i++ {
			if starts[i] <= starts[i-1] || starts[i] >= len(body) {
				t.Fatalf("paragraphStarts(%q) = %v: out of order or outside the text", body, starts)
			}
		}
		e := Evidence{Start: start, End: end}
		if start < end && !NewPassages(body).Same(e, e) {
			t.Fatalf("span %v is not on its own passage in %q", e, body)
		}
	})
}

// BenchmarkOfferCandidates sorts the most candidates a draft keeps (300)
// for a quiz of 10 questions, as the draft page does on each view.
func BenchmarkOfferCandidates(b *testing.B) {
	var body strings.Builder
	var sentences []string
	for p := 0; p < 60; p++ {
		for s := 0; s < 5; s++ {
			sentence := "Sentence " + strconv.Itoa(s) + " of paragraph " + strconv.Itoa(p) + " names the river " + strconv.Itoa(p*5+s) + "."
			sentences = append(sentences, sentence)
			body.WriteString(sentence + " ")
		}
		body.WriteString("\n\n")
	}
	text := body.String()
	var quiz []Question
	var cands []Candidate
	for i, s := range sentences {
		q := candidateOn(text, s, "Which river does sentence "+strconv.Itoa(i)+" name?", "river "+strconv.Itoa(i))
		if i%30 == 0 {
			q.ID = int64(i + 1)
			quiz = append(quiz, q)
			continue
		}
		cands = append(cands, Candidate{ID: int64(i + 1), Rank: i, Question: q})
	}
	b.ReportAllocs()
	for b.Loop() {
		OfferCandidates(text, quiz, cands)
	}
}
