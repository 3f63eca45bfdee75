-- A children's meeting is the group's record. Each child's chronology line says what was talked
-- about; what the children said together stays on the meeting, which only staff and the
-- organisation read, and is left out of any one child's chronology and export (a social worker
-- reads their own child's chronology, and a child's export answers their subject access request).
UPDATE chronology SET summary = (
    SELECT CASE WHEN length(m.discussion) > 280 THEN substr(m.discussion, 1, 280) || '…'
                ELSE m.discussion END
    FROM childrens_meetings m WHERE m.id = chronology.source_id
) WHERE source_type = 'childrens_meeting';
