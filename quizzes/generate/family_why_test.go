package generate

import (
	"strings"
	"testing"
)

func TestFamilyWhy(t *testing.T) {
	// a paragraph of true statements to draw wrong choices from
	const more = " The holiday falls in June or July. The Labour Party won the election in 2020. " +
		"Many schools teach the Maori language. The star cluster rises before dawn in midwinter. " +
		"Farmers planted crops when the stars appeared. The cluster holds hundreds of young stars. " +
		"Astronomers measured its distance with a satellite. Families share a meal on the evening. " +
		"The old bridge needs new paint. The city museum opened a new hall. The morning frost damages young plants."
	runFamilyCases(t, "why", []familyCase{
		{text: "The government created the holiday because Matariki marks the Maori New Year." + more,
			prompt: "Why did the government create the holiday?", key: "Because Matariki marks the Maori New Year"},
		{text: "The town built a dam on the river in 1950 in order to control the floods." + more,
			prompt: "Why did the town build a dam on the river in 1950?", key: "To control the floods"},
		{text: "The game was cancelled because of the heavy storm." + more,
			prompt: "Why was the game cancelled?", key: "Because of the heavy storm"},
		{text: "The winter was very cold, so the farmers stayed inside." + more,
			prompt: "Why did the farmers stay inside?", key: "Because the winter was very cold"},
		// "X caused Y to happen" asks why Y happened
		{text: "The storm damaged the old harbor. Condensation of water vapor causes clouds to form." + more,
			prompt: "Why do clouds form?", key: "Because of condensation of water vapor"},
		// a person who makes something happen is asked about with who
		{text: "The teacher caused the students to laugh." + more, notPrompt: "Why did the students laugh"},
		// a question of the text states nothing
		{text: "How should communities be organized to benefit all the members of the community?" + more, notPrompt: "Why should communities"},
		// "this name" would become "the name", which the question does not explain
		{text: "Tsunamis are often called tidal waves. This name is discouraged by oceanographers because tides have little to do with these waves." + more,
			notPrompt: "Why is the name"},
		// a cut sentence (a line break from a PDF copy) asks nothing
		{text: "Water vapor is called a feedback, because it amplifies\nthe effect of forces that caused the warming." + more, notPrompt: "Why"},
		// "seemed to", "too ... to" and "enough to" are no purposes
		{text: "The old bridge seemed to shake in the wind." + more, notPrompt: "Why did the old bridge seem"},
		{text: "The river was too wide to cross on foot." + more, notPrompt: "Why was the river"},
		// a cause in brackets is an aside, not asked about
		{text: "Questions about nature change (and certainly they have changed due to scientific progress), but questions of morality do not." + more,
			notPrompt: "changed"},
		// a concession after the effect is left out of the question
		{text: "The name tidal wave is discouraged by oceanographers because tides have little to do with these waves, though a tsunami at high tide may cause more damage." + more,
			notPrompt: "may cause"},
	})
}

// A why question's wrong choices are true statements of the text written
// like the key, none of them the reason, and not the sentences around it.
func TestWhyChoicesAreOtherTrueStatements(t *testing.T) {
	p := testPipeline(t)
	text := "Matariki is a star cluster. The government created the holiday because Matariki marks the Maori New Year. " +
		"The holiday falls in June or July. The Labour Party won the election in 2020. " +
		"Many schools teach the Maori language. The star cluster rises before dawn in midwinter. " +
		"The cluster holds hundreds of young stars. Astronomers measured its distance with a satellite."
	_, ranked := p.candidates(text)
	for _, c := range ranked {
		if c.family() != "why" {
			continue
		}
		if len(c.Distractors) != 3 {
			t.Fatalf("%q has %d wrong choices, want 3", c.Prompt, len(c.Distractors))
		}
		for _, d := range c.Distractors {
			if !strings.HasPrefix(d, "Because ") {
				t.Errorf("wrong choice %q is not written like the key %q", d, c.Key)
			}
			if strings.Contains(d, "star cluster") || strings.Contains(d, "June or July") {
				t.Errorf("wrong choice %q comes from a sentence next to the reason", d)
			}
		}
		return
	}
	t.Fatal("no why question asked")
}

func TestTrimWhyRelativeTime(t *testing.T) {
	for in, want := range map[string]string{
		"Why did the ruling party change the constitution after which time?": "Why did the ruling party change the constitution?",
		"Why did the party change the constitution, after which point?":      "Why did the party change the constitution?",
		"Why did the town build a dam?":                                      "Why did the town build a dam?",
	} {
		if got := trimWhy(in); got != want {
			t.Errorf("trimWhy(%q) = %q, want %q", in, got, want)
		}
	}
}
