-- A stored answer becomes a typed value written as JSON (quizzes.Answer):
-- {"choices":[ids]} for choice kinds, where the old form held the chosen
-- positions ("0,2"), so that an answer follows its choice when a teacher
-- moves, adds or removes others; {"text":"..."} for typed kinds;
-- {"pairs":[...]} for matching, where the parts were joined by U+001F.

UPDATE responses SET given = CASE (SELECT kind FROM questions WHERE id = responses.question_id)
    WHEN 'matching' THEN json_object('pairs',
        json('[' || replace(json_quote(given), '\u001f', '","') || ']'))
    WHEN 'description' THEN '{}'
    ELSE CASE WHEN given = '' THEN '{}' ELSE json_object('text', given) END
END
WHERE (SELECT kind FROM questions WHERE id = responses.question_id) NOT IN ('multiple_choice', 'true_false', 'multiple_response');

UPDATE responses SET given = CASE
    WHEN json_valid('[' || given || ']') THEN COALESCE((
        SELECT json_object('choices', json_group_array(c.id))
        FROM json_each('[' || responses.given || ']') j
        JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY position, id) - 1 AS idx
              FROM choices WHERE question_id = responses.question_id) c ON c.idx = j.value
        HAVING COUNT(*) > 0), '{}')
    ELSE '{}'
END
WHERE (SELECT kind FROM questions WHERE id = responses.question_id) IN ('multiple_choice', 'true_false', 'multiple_response');
