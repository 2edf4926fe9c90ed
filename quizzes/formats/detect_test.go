package formats

import "testing"

func TestDetect(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, file, data string
		want             Format
	}{
		{"a .gift extension", "set.gift", "anything", GIFT},
		{"an .xml extension, any case", "SET.XML", "", MoodleXML},
		{"a .csv extension", "set.csv", "", CSV},
		{"a .json extension", "set.json", "", JSON},
		{"Aiken in a .txt", "set.txt", "Q?\nA) a\nB) b\nANSWER: B\n", Aiken},
		{"GIFT in a .txt", "set.txt", "// c\n::T::Q? {=a ~b}\n", GIFT},
		{"GIFT opening with a format marker", "set.txt", "[html]Q? {T}", GIFT},
		{"GIFT with only a block", "", "Q? {=a ~b}", GIFT},
		{"Moodle XML with a byte-order mark", "upload", "\xef\xbb\xbf<?xml version=\"1.0\"?><quiz></quiz>", MoodleXML},
		{"JSON with no name", "", "  [{\"kind\":\"essay\",\"prompt\":\"Q?\"}]", JSON},
		{"a JSON object", "", `{"questions":[]}`, JSON},
		{"CSV whose prompts hold braces", "set.txt", "prompt,answer\nWhat is {x}?,y\n", CSV},
		{"CSV with semicolons", "", "Kind;Prompt;Answer\nshort_answer;Q?;x\n", CSV},
		{"nothing it knows", "notes.txt", "Just some notes.\nNo questions here.", Unknown},
		{"an empty file", "", "", Unknown},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Detect(tc.file, []byte(tc.data)); got != tc.want {
				t.Errorf("Detect(%q, %q) = %q, want %q", tc.file, tc.data, got, tc.want)
			}
		})
	}
}

func TestFormatByName(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]Format{"gift": GIFT, "Aiken": Aiken, "moodlexml": MoodleXML, "Moodle XML": MoodleXML,
		"xml": MoodleXML, "CSV": CSV, "json": JSON} {
		if got, err := FormatByName(in); got != want || err != nil {
			t.Errorf("FormatByName(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := FormatByName("docx"); err == nil {
		t.Error("FormatByName(\"docx\") gave no error")
	}
	if _, err := Parse("docx", nil); err == nil {
		t.Error("Parse of an unknown format gave no error")
	}
}
