package views

import (
	"strings"
	"testing"

	"quiztrainer/quizzes"
)

func TestSanitizedHTML(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		format   quizzes.TextFormat
		in       string
		contains []string
		absent   []string
	}{
		{"plain text is escaped", quizzes.Plain, "a <b>bold</b>\nline", []string{"&lt;b&gt;", "<br>"}, []string{"<b>"}},
		{"html keeps emphasis and drops scripts", quizzes.HTML, `<p onclick="x()">Hi <em>there</em><script>alert(1)</script></p>`, []string{"<em>there</em>"}, []string{"script", "onclick", "alert"}},
		{"html drops javascript links", quizzes.HTML, `<a href="javascript:alert(1)">x</a>`, []string{"x"}, []string{"javascript"}},
		{"markdown is rendered", quizzes.Markdown, "Some **bold** text", []string{"<strong>bold</strong>"}, nil},
		{"raw html in markdown is not passed", quizzes.Markdown, "x <img src=x onerror=alert(1)>", nil, []string{"onerror"}},
		{"moodle auto-format is shown as text", quizzes.Moodle, "<i>x</i>", []string{"&lt;i&gt;"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := SanitizedHTML(tc.format, tc.in)
			for _, s := range tc.contains {
				if !strings.Contains(got, s) {
					t.Errorf("SanitizedHTML(%q) = %q, want it to contain %q", tc.in, got, s)
				}
			}
			for _, s := range tc.absent {
				if strings.Contains(got, s) {
					t.Errorf("SanitizedHTML(%q) = %q, want no %q", tc.in, got, s)
				}
			}
		})
	}
}
