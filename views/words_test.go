package views

import (
	"testing"
	"time"
)

func TestWordsForCountsAndSpans(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ got, want string }{
		{Count(1, "question"), "1 question"},
		{Count(0, "question"), "0 questions"},
		{Count(12, "question"), "12 questions"},
		{Count(1.0, "point"), "1 point"},
		{Count(2.5, "point"), "2.5 points"},
		{TimeSpan(time.Minute), "1 minute"},
		{TimeSpan(90 * time.Second), "1 minute 30 seconds"},
		{TimeSpan(45 * time.Second), "45 seconds"},
		{TimeSpan(time.Hour + 2*time.Minute), "1 hour 2 minutes"},
		{TimeSpan(2 * time.Hour), "2 hours"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
