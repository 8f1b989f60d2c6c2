-- Candidate: today's core, one counter row per slot (taken and the release delay's array on it).
UPDATE cand_counter SET taken = taken + 1,
    quarantined_until = array(SELECT t FROM unnest(quarantined_until) t WHERE t > now())
WHERE slot_id = :slot_id AND taken + cardinality(array(SELECT t FROM unnest(quarantined_until) t WHERE t > now())) < capacity;
