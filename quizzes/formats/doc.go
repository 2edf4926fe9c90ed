// Package formats reads and writes question sets in the formats teachers
// already have: Moodle GIFT, Aiken, Moodle XML, CSV and quiztrainer's own
// JSON. Parse reads, Detect guesses the format of an upload, Write writes.
//
// # Reading
//
// A file with any error is refused whole: Parse returns a *ParseError that
// lists every error with its line, and no question. A file must be UTF-8 (a
// leading byte-order mark is fine); every question returned passes
// quizzes.Question.Validate.
//
// What each reader does beyond its format's documentation:
//
//   - GIFT follows Moodle's importer (see GIFT.md) and refuses, with a
//     message, what Moodle lets through by accident: a title never closed,
//     braces outside the one answer block, "=" on two answers of a
//     multiple-choice block, empty answers, weights that do not add up to
//     100% in a multiple-response block. Comments' [id:] and [tag:] and the
//     format markers of answers and feedback are read and dropped.
//   - Aiken reports every error, and a last question left without its
//     ANSWER line, which Moodle drops silently.
//   - Moodle XML reads the types multichoice, truefalse, shortanswer,
//     numerical, matching, essay and description; any other type is an
//     error. Files embedded in a text (images) become data: URLs in it.
//     Elements the program has no place for (penalty, hints, units, tags,
//     combined feedback, usecase...) are skipped.
//
// # Writing
//
// Write leaves out the questions a format cannot hold and says which and
// why. A question is written only when, read back, it gives the same
// question, up to the fields the format does not hold:
//
//   - GIFT: points; a description's explanation; per-part format markers
//     (Moodle allows one on each answer and feedback; a question here has a
//     single format, so markers on parts are read and dropped).
//   - Aiken: single-answer multiple choice only, one-line texts, at most 26
//     choices; no title, category, feedback, explanation, points, partial
//     credit or format (an HTML text is written as the text it shows).
//   - Moodle XML: the title is required by Moodle, so a question without one
//     gets a name made from its text.
//   - CSV: feedback and weights: of accepted answers only those that earn
//     full marks are kept, and multiple response shares the marks equally.
//   - JSON holds everything; it alone holds a generated question's evidence,
//     template and score.
//
// In GIFT and Moodle XML a short-answer question whose text holds the gap
// quizzes.Blank is read as cloze, and a cloze question without a gap as
// short answer: neither format tells the two apart otherwise.
//
// # CSV columns
//
// The first row names the columns, in any order, in any case; the
// separator is a comma, or a semicolon or tab if the header row has more of
// those. Only prompt is required; empty rows are skipped.
//
//	kind         multiple_choice, multiple_response, true_false, short_answer,
//	             cloze, numerical, matching, essay or description (also
//	             "Multiple choice", "true-false"...). Empty: multiple_choice
//	             when the row has choices, else short_answer.
//	title        a name for the question bank
//	prompt       the question text
//	format       html, markdown, moodle or plain (empty: plain)
//	choice1...   as many as needed: the options of multiple choice and
//	             multiple response; more accepted answers of short answer,
//	             cloze and numerical; the pairs of matching, "left -> right",
//	             or "-> right" for an extra right-hand item
//	answer       multiple choice: the letter of the right choice (A is
//	             choice1) or its number; multiple response: several, "A,C";
//	             true/false: true or false; short answer and cloze: an
//	             accepted answer; numerical: "3.5", "3.5:0.1" (tolerance) or
//	             "1..5" (range); matching, essay, description: empty
//	points       marks for the question (empty: 1)
//	explanation  shown after answering
//	category     the category path
//
// # JSON
//
// The JSON contract of `quiztrainer generate --format json` (see
// JSONQuestion). Write and WriteJSON write a top-level array of questions;
// ParseJSON also takes an object {"title": "...", "questions": [...]}.
// Unknown fields are errors.
package formats
