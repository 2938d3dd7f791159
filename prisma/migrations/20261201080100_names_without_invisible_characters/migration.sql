-- Names are now stored without direction controls and invisible characters (lib/validation/primitives.ts
-- cleanText): clean the names stored before, so the diary, emails and search see the same text.
UPDATE "Patient" SET name = btrim(regexp_replace(regexp_replace(name, E'[\\u00AD\\u061C\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]', '', 'g'), E'\\s+', ' ', 'g'))
 WHERE name ~ E'[\\u00AD\\u061C\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]';

UPDATE "StaffUser" SET name = btrim(regexp_replace(regexp_replace(name, E'[\\u00AD\\u061C\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]', '', 'g'), E'\\s+', ' ', 'g'))
 WHERE name ~ E'[\\u00AD\\u061C\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]';
