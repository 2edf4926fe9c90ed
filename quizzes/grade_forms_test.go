package quizzes

import (
	"fmt"
	"slices"
	"sync"
	"testing"
)

// TestAcceptedFormIsTheTextsForm: a kept form is the form read afresh, the
// first time and from the map, also when many graders ask at once.
func TestAcceptedFormIsTheTextsForm(t *testing.T) {
	texts := []string{"Alexander J. Motyl", "the Seine", "seventy thousand", "Nov. 7, 1867", "O’Brien & Sons", "Mot*", ""}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 3 {
				for _, text := range texts {
					want := formOf(text)
					got, s := acceptedFormOf(text)
					if !slices.Equal(got.words, want.words) || !slices.Equal(got.caps, want.caps) || s != want.String() {
						t.Errorf("acceptedFormOf(%q) = %v %v %q, want %v %v %q", text, got.words, got.caps, s, want.words, want.caps, want.String())
					}
				}
			}
		}()
	}
	wg.Wait()
}

// TestAcceptedFormsStayBounded: past maxAcceptedForms texts the map starts
// again, and forms are still right.
func TestAcceptedFormsStayBounded(t *testing.T) {
	for i := range maxAcceptedForms + 10 {
		acceptedFormOf(fmt.Sprintf("answer %d", i))
	}
	acceptedForms.RLock()
	n := len(acceptedForms.m)
	acceptedForms.RUnlock()
	if n > maxAcceptedForms {
		t.Errorf("%d forms kept, want at most %d", n, maxAcceptedForms)
	}
	if _, s := acceptedFormOf("Answer 7"); s != "answer 7" {
		t.Errorf("form of %q after the map started again: %q, want %q", "Answer 7", s, "answer 7")
	}
}

// BenchmarkGradeTyped grades typed answers to a short-answer question with
// three accepted answers, a new text each time, as answers arrive.
func BenchmarkGradeTyped(b *testing.B) {
	q := Question{Kind: ShortAnswer, Prompt: "p", Choices: []Choice{
		{Text: "Alexander J. Motyl", Correct: true}, {Text: "Professor Motyl", Correct: true}, {Text: "the 1867 treaty of Nov. 7", Correct: true, Weight: 0.5}}}
	given := []Answer{Typed("alexander motyl"), Typed("Motyl"), Typed("the treaty"), Typed("Alexander J. Motyl")}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		Grade(q, given[i%len(given)])
		i++
	}
}
