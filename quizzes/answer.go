package quizzes

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Answer is what a student gave for one question, typed by the question's
// kind:
//   - multiple choice, true/false, multiple response: the ids of the chosen
//     choices, which stay the same when a teacher rewords, moves, adds or
//     removes other choices;
//   - short answer, cloze, essay and numerical: the text typed (a number is
//     kept as typed and read when graded);
//   - matching: for each left-hand item in order, the right-hand text
//     chosen, "" where none.
//
// EncodeAnswer and DecodeAnswer are the one place where it is written down
// and read back.
type Answer struct {
	Choices []int64  `json:"choices,omitempty"`
	Text    string   `json:"text,omitempty"`
	Pairs   []string `json:"pairs,omitempty"`
}

// Picked is an answer that chose the given choices.
func Picked(ids ...int64) Answer { return Answer{Choices: ids} }

// Typed is an answer that typed s.
func Typed(s string) Answer { return Answer{Text: s} }

// Paired is a matching answer: the right-hand text chosen for each
// left-hand item, in order.
func Paired(rights ...string) Answer { return Answer{Pairs: rights} }

// Empty reports whether the answer gives nothing.
func (a Answer) Empty() bool {
	if len(a.Choices) > 0 || strings.TrimSpace(a.Text) != "" {
		return false
	}
	for _, p := range a.Pairs {
		if p != "" {
			return false
		}
	}
	return true
}

// Equal reports whether two answers say the same.
func (a Answer) Equal(b Answer) bool {
	return a.Text == b.Text && slices.Equal(a.Choices, b.Choices) && slices.Equal(a.Pairs, b.Pairs)
}

// Chose reports whether the answer chose the choice with the given id.
func (a Answer) Chose(id int64) bool { return id != 0 && slices.Contains(a.Choices, id) }

// PairAt is the right-hand text chosen for the i-th left-hand item.
func (a Answer) PairAt(i int) string {
	if i < len(a.Pairs) {
		return a.Pairs[i]
	}
	return ""
}

// EncodeAnswer writes an answer down as stored: a small JSON object,
// {"choices":[12,15]}, {"text":"Nile"} or {"pairs":["meow",""]}.
func EncodeAnswer(a Answer) string {
	// Written by hand where that is plain: the ids of the choices, and
	// texts that JSON takes as they are. An answer is encoded with every
	// save, and json.Marshal was 3% of the server's CPU an answer.
	// Anything else goes through json.Marshal, which the hand-written
	// part matches byte for byte (FuzzEncodeAnswerIsJSON).
	if !plainJSON(a.Text) || slices.ContainsFunc(a.Pairs, func(p string) bool { return !plainJSON(p) }) {
		return marshalAnswer(a)
	}
	var buf [128]byte // most answers fit: then the string is the one allocation
	b := buf[:0]
	b = append(b, '{')
	if len(a.Choices) > 0 {
		b = append(b, `"choices":[`...)
		for i, id := range a.Choices {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, id, 10)
		}
		b = append(b, ']')
	}
	if a.Text != "" {
		if len(b) > 1 {
			b = append(b, ',')
		}
		b = append(b, `"text":"`...)
		b = append(b, a.Text...)
		b = append(b, '"')
	}
	if len(a.Pairs) > 0 {
		if len(b) > 1 {
			b = append(b, ',')
		}
		b = append(b, `"pairs":[`...)
		for i, p := range a.Pairs {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '"')
			b = append(b, p...)
			b = append(b, '"')
		}
		b = append(b, ']')
	}
	b = append(b, '}')
	return string(b)
}

// plainJSON reports whether s is written in JSON as it is, between
// quotes: printable ASCII without the characters encoding/json escapes.
func plainJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c >= 0x7f, c == '"', c == '\\', c == '<', c == '>', c == '&':
			return false
		}
	}
	return true
}

func marshalAnswer(a Answer) string {
	b, err := json.Marshal(a)
	if err != nil { // a struct of ints and strings always encodes
		panic(fmt.Sprintf("quizzes: encode answer: %v", err))
	}
	return string(b)
}

// DecodeAnswer reads an answer written by EncodeAnswer; "" is no answer.
func DecodeAnswer(s string) (Answer, error) {
	var a Answer
	if s == "" {
		return a, nil
	}
	if err := json.Unmarshal([]byte(s), &a); err != nil {
		return Answer{}, fmt.Errorf("quizzes: read stored answer %.40q: %w", s, err)
	}
	return a, nil
}

// choiceByID finds a question's choice by id.
func choiceByID(q Question, id int64) (Choice, bool) {
	if id == 0 {
		return Choice{}, false
	}
	for _, c := range q.Choices {
		if c.ID == id {
			return c, true
		}
	}
	return Choice{}, false
}
