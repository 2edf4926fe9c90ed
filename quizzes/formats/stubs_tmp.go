package formats

import (
	"io"

	"quiztrainer/quizzes"
)

func ParseMoodleXML(data []byte) ([]quizzes.Question, error)      { return nil, nil }
func ParseCSV(data []byte) ([]quizzes.Question, error)            { return nil, nil }
func writeMoodleXML(w io.Writer, qs []quizzes.Question) error     { return nil }
func writeCSV(w io.Writer, qs []quizzes.Question) error           { return nil }
func xmlCannotHold(q quizzes.Question) string                     { return "" }
func csvCannotHold(q quizzes.Question) string                     { return "" }
func csvHeld(q quizzes.Question) quizzes.Question                 { return q }
func csvHeader(s string) (map[string]int, []string, error)        { return nil, nil, io.EOF }
