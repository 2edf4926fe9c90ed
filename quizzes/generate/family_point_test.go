package generate

import "testing"

const opinionText = `Cities should plant more trees on their streets

Every summer the pavement outside my flat grows hot enough to burn bare feet. The council has spent the last ten years widening roads instead of shading them.

The answer is plain: cities should plant a tree on every street that has none, and they should water them for the first three years.

A study in Melbourne found that shaded streets were four degrees cooler on the hottest afternoons. Trees also soak up rain that would otherwise flood the drains.

Planting costs money, of course. A young tree costs the council about three hundred pounds to plant and keep alive. Shops on leafy streets sell more than shops on bare ones, according to traders in Leeds.`

func TestFamilyWritersPoint(t *testing.T) {
	runFamilyCases(t, "mainidea", []familyCase{
		// the sentence that argues, in the title's words, is the point
		{text: opinionText, prompt: "What is the writer's main point?",
			key: "Cities should plant a tree on every street that has none."},
		// a text that explains argues nothing
		{text: tsunamiText, notPrompt: "main point"},
	})
}

// The wrong choices are details of the piece, none of which argues.
func TestWritersPointChoicesDoNotArgue(t *testing.T) {
	p := testPipeline(t)
	in, ranked := p.candidates(opinionText)
	for _, c := range ranked {
		if c.Template != "mainidea.point" {
			continue
		}
		if len(c.Distractors) != 3 {
			t.Fatalf("%d wrong choices, want 3", len(c.Distractors))
		}
		for _, d := range c.Distractors {
			for si := range in.Doc.Sentences {
				s := &in.Doc.Sentences[si]
				if in.Doc.Text[s.Start:s.End] == d && argues(s, 0, len(s.Tokens)) {
					t.Errorf("wrong choice %q argues too", d)
				}
			}
		}
		return
	}
	t.Fatal("no main-point question asked")
}
