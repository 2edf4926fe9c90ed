package legacy

import "testing"

func TestGarbledQuestions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		prompt string
		want   bool
	}{
		{"The continent became what of what could be termed?", true},
		{"Spain sent soldiers to who who created a series of missions?", true},
		{"What did but nowhere do attain the level of Europe?", true},
		{"The Sunday Times continued its reputation for innovation: when?", true},
		{"What consists of the clergy of the monastery who are led by an abbot?", false},
		{"When was the division formalized when the See broke away?", false},
		{"What does the church claim to have originated in in the 1st century?", false},
	} {
		if got := garbled(tc.prompt); got != tc.want {
			t.Errorf("garbled(%q) = %v, want %v", tc.prompt, got, tc.want)
		}
	}
}
