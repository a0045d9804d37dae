-- A round ends after it starts and within 25 hours (the form takes one date, a start and an end
-- time; 25 hours allows for a clock change). The upcoming interviews list relies on it: it reads
-- the rounds that started in the last 25 hours and later, not a week of the firm's history.
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_within_a_day" CHECK ("interviews"."ends_at" > "interviews"."starts_at" and "interviews"."ends_at" <= "interviews"."starts_at" + interval '25 hours');