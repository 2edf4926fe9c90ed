package generate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"quiztrainer/quizzes"
)

// Story order asks only of narratives: judged on histories, a biography
// and textbook sections whose past-tense sentences are states ("Trade was
// important to the Romans"), none of its six questions was acceptable.
// Of the judged texts, the stories 11, 12 and 18 and the fable 26 are
// narratives; the other 27 are not.
func TestStoryOrderOnlyInNarratives(t *testing.T) {
	p := testPipeline(t)
	stories := map[string]bool{
		"11-story-story-of-an-hour": true, "12-story-down-the-rabbit-hole": true,
		"18-story-old-sultan": true, "26-story-androcles": true,
	}
	files, err := filepath.Glob("testdata/judging/texts/*.txt")
	if err != nil || len(files) < 31 {
		t.Fatalf("judged texts: %d files, %v", len(files), err)
	}
	for _, fn := range files {
		name := strings.TrimSuffix(filepath.Base(fn), ".txt")
		data, err := os.ReadFile(fn)
		if err != nil {
			t.Fatal(err)
		}
		text, err := quizzes.ArticleText(fn, data)
		if err != nil {
			t.Fatal(err)
		}
		in, ranked := p.candidates(text)
		if got := in.isStory(); got != stories[name] {
			t.Errorf("%s: isStory %v, want %v", name, got, stories[name])
		}
		if stories[name] {
			continue
		}
		for _, c := range ranked {
			if strings.HasPrefix(c.Template, "sequence.story") {
				t.Errorf("%s: story order asked of a text that is no narrative: %q", name, c.Prompt)
			}
		}
	}
}
