package generate

import (
	"strings"
	"sync"
	"testing"

	"quiztrainer/quizzes"
)

var (
	testPipelineOnce sync.Once
	testPipelineP    *Pipeline
	testPipelineErr  error
)

func testPipeline(t testing.TB) *Pipeline {
	t.Helper()
	testPipelineOnce.Do(func() { testPipelineP, testPipelineErr = newPipeline() })
	if testPipelineErr != nil {
		t.Fatal(testPipelineErr)
	}
	return testPipelineP
}

// familyCase is one row of a family's table test: from text, the family
// asks prompt with key (want), or asks nothing with a prompt containing
// notPrompt.
type familyCase struct {
	text      string
	prompt    string // a question the family must ask (after the filters)
	key       string
	notPrompt string // no kept question of the family may contain this
}

// runFamilyCases checks a family's table.
func runFamilyCases(t *testing.T, family string, cases []familyCase) {
	t.Helper()
	p := testPipeline(t)
	for _, tc := range cases {
		_, ranked := p.candidates(tc.text)
		var got []string
		found := false
		for _, c := range ranked {
			if c.family() != family {
				continue
			}
			got = append(got, c.Prompt+" -> "+c.Key)
			if tc.prompt != "" && c.Prompt == tc.prompt && quizzes.NormalizeAnswer(c.Key) == quizzes.NormalizeAnswer(tc.key) {
				found = true
			}
			if tc.notPrompt != "" && strings.Contains(c.Prompt, tc.notPrompt) {
				t.Errorf("%q: family %s asked %q (key %q), which it must not", tc.text, family, c.Prompt, c.Key)
			}
		}
		if tc.prompt != "" && !found {
			t.Errorf("%q: family %s did not ask %q -> %q; it asked:\n  %s", tc.text, family, tc.prompt, tc.key, strings.Join(got, "\n  "))
		}
	}
}

// Every family is registered once under its own name.
func TestRegistry(t *testing.T) {
	names := Families()
	for _, want := range []string{"who", "what", "when", "where"} {
		found := false
		for _, n := range names {
			found = found || n == want
		}
		if !found {
			t.Errorf("family %q is not registered (have %v)", want, names)
		}
	}
}

// Every filter has a name and a reason a teacher would give.
func TestFiltersSayWhy(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range filters {
		if f.Name == "" || len(strings.Fields(f.Reason)) < 4 || f.Drop == nil {
			t.Errorf("filter %q needs a name, a reason and a test", f.Name)
		}
		if seen[f.Name] {
			t.Errorf("two filters named %q", f.Name)
		}
		seen[f.Name] = true
	}
}

// The word lists load and are not empty.
func TestListsLoad(t *testing.T) {
	l, err := loadLists()
	if err != nil {
		t.Fatal(err)
	}
	if !l.months["november"] || !l.sayVerbs["say"] || !l.personNouns["overseer"] || !l.stopWords["the"] {
		t.Errorf("lists miss common words: %+v", l)
	}
}
