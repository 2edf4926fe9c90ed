package views

import (
	"strconv"
	"strings"
	"time"
)

// Count is a number with its noun, as people write it: "1 question",
// "3 questions", "1.5 points".
func Count[N int | float64](n N, noun string) string {
	var num string
	switch v := any(n).(type) {
	case int:
		num = strconv.Itoa(v)
	case float64:
		num = Points(v)
	}
	if num == "1" {
		return "1 " + noun
	}
	return num + " " + noun + "s"
}

// TimeSpan is a length of time as people write it: "1 minute", "90 seconds",
// "1 hour 30 minutes".
func TimeSpan(d time.Duration) string {
	d = d.Round(time.Second)
	h, m, s := int(d/time.Hour), int(d%time.Hour/time.Minute), int(d%time.Minute/time.Second)
	var parts []string
	if h > 0 {
		parts = append(parts, Count(h, "hour"))
	}
	if m > 0 {
		parts = append(parts, Count(m, "minute"))
	}
	if s > 0 || len(parts) == 0 {
		parts = append(parts, Count(s, "second"))
	}
	return strings.Join(parts, " ")
}
