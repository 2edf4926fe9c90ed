package quizzes

import (
	"strings"
	"time"
	"unicode"
)

// Article is a text that questions point into.
type Article struct {
	ID     int64
	Title  string
	Source string // attribution: where the text comes from
	Body   string
}

// Status says whether students can see a quiz.
type Status string

// Quiz statuses.
const (
	Draft     Status = "draft"
	Published Status = "published"
)

// Feedback says when a student sees whether an answer was right.
type Feedback string

// Feedback timings.
const (
	FeedbackNow   Feedback = "now"
	FeedbackAtEnd Feedback = "end"
)

// Settings are the teacher's choices for how a quiz is taken.
type Settings struct {
	ShuffleQuestions bool
	ShuffleChoices   bool
	Feedback         Feedback
	AttemptsAllowed  int           // 0 means unlimited
	TimeLimit        time.Duration // 0 means none
}

// Quiz is a set of questions, usually on one article.
type Quiz struct {
	ID        int64
	Title     string
	Slug      string
	ArticleID int64 // 0 when the quiz has no article
	OwnerID   int64 // 0 when no teacher owns it (the bundled sample)
	Status    Status
	Settings  Settings
	CreatedAt time.Time
	Questions []Question
}

// MaxScore is the sum of the points of the quiz's graded questions.
func (q Quiz) MaxScore() float64 {
	total := 0.0
	for _, qu := range q.Questions {
		if qu.Kind != Description {
			total += qu.Normalize().Points
		}
	}
	return total
}

// Student is someone who takes quizzes; a random token in a cookie says who.
type Student struct {
	ID          int64
	DisplayName string
	ClassID     int64
	Token       string
	CreatedAt   time.Time
}

// Attempt is one go at a quiz by a student.
type Attempt struct {
	ID          int64
	QuizID      int64
	StudentID   int64
	Number      int // 1 for the student's first attempt at the quiz
	StartedAt   time.Time
	SubmittedAt time.Time // zero while the attempt is open
	Score       float64
	MaxScore    float64
}

// Submitted reports whether the student has finished the attempt.
func (a Attempt) Submitted() bool { return !a.SubmittedAt.IsZero() }

// Percent is the score as a whole percentage of the maximum.
func (a Attempt) Percent() int {
	if a.MaxScore <= 0 {
		return 0
	}
	return int(a.Score/a.MaxScore*100 + 0.5)
}

// Response is a student's answer to one question in one attempt.
type Response struct {
	AttemptID  int64
	QuestionID int64
	Given      Answer
	Correct    bool
	Points     float64
	AnsweredAt time.Time
	MarkedAt   time.Time // when a teacher marked it by hand (essays); zero until then
}

// Slugify turns a title into a lower-case, hyphenated URL part.
func Slugify(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.TrimRight(b.String(), "-")
	if len(s) > 60 {
		s = strings.TrimRight(s[:60], "-")
	}
	if s == "" {
		s = "quiz"
	}
	return s
}

// Deadline is when the attempt ends under a time limit; zero when there is none.
func (a Attempt) Deadline(limit time.Duration) time.Time {
	if limit <= 0 {
		return time.Time{}
	}
	return a.StartedAt.Add(limit)
}

// DeadlineGrace is how long after the deadline an answer is still taken:
// the one sent as the clock ran out is on its way, not late.
const DeadlineGrace = 10 * time.Second

// HandInBy is the last moment the server takes answers for the attempt
// under a time limit: the deadline and the grace; zero when there is none.
func (a Attempt) HandInBy(limit time.Duration) time.Time {
	d := a.Deadline(limit)
	if d.IsZero() {
		return d
	}
	return d.Add(DeadlineGrace)
}
