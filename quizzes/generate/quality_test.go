package generate

import (
	"math"
	"os"
	"reflect"
	"testing"

	"quiztrainer/quizzes"
)

// A judged question stored as JSON must get the features of the candidate
// it came from: the learned ranking is trained on the one and would be
// applied to the other.
func TestQualityFeaturesOfStoredQuestion(t *testing.T) {
	p := testPipeline(t)
	for _, name := range []string{"06-biography-harriet-tubman", "26-story-androcles", "22-science-voa-honey-bees"} {
		data, err := os.ReadFile("testdata/judging/texts/" + name + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		text, err := quizzes.ArticleText(name+".txt", data)
		if err != nil {
			t.Fatal(err)
		}
		in, ranked := p.candidates(text)
		if len(ranked) == 0 {
			t.Fatalf("%s: no candidates", name)
		}
		for _, c := range ranked {
			want := in.qualityFeatures(c)
			got := in.qualityFeatures(candidateOf(in, in.question(c)))
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %q (%s): stored question's features\n%v\nwant the candidate's\n%v", name, c.Prompt, c.Template, got, want)
			}
		}
	}
}

// Every judgment joins the draft question it judged, and the model's fit
// is deterministic and learns a plain signal.
func TestRankTraining(t *testing.T) {
	p := testPipeline(t)
	qs, rep, err := p.loadJudged("testdata/judging", RankTrainOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Judged < 558 || rep.Unjoined != 0 || rep.Texts < 31 {
		t.Errorf("judged %d, not joined %d, texts %d: want every one of 558+ judgments joined, on 31+ texts", rep.Judged, rep.Unjoined, rep.Texts)
	}
	if len(qs) != rep.Used || rep.Used+rep.Duplicates != rep.Judged {
		t.Errorf("used %d + judged again %d != judged %d", rep.Used, rep.Duplicates, rep.Judged)
	}
	// a feature that is on exactly for the acceptable questions
	toy := []*judgedQuestion{}
	for i := 0; i < 40; i++ {
		q := &judgedQuestion{acceptable: i%3 == 0, features: map[string]float64{"noise": float64(i%5) / 4}}
		if q.acceptable {
			q.features["good"] = 1
		}
		toy = append(toy, q)
	}
	a, b := fitQuality(toy, 1), fitQuality(toy, 1)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two fits of the same data differ")
	}
	if a.Weights["good"] <= 1 || math.Abs(a.Weights["noise"]) >= a.Weights["good"]/4 {
		t.Errorf("weights %v: want a large weight on the feature that tells", a.Weights)
	}
	if got := auc(toy, func(q *judgedQuestion) float64 { return a.prob(q.features) }); got != 1 {
		t.Errorf("AUC on the training data %v, want 1", got)
	}
}
