-- "Is this slot full?" (PlaceSql.FULL), which every refusal of a rush asks, answered from the free
-- places alone. With slot_place_untaken_idx (no free_from in it), the planner chose slot_place_slot_idx
-- instead, an index-only scan over every place of the slot, taken ones included, whose rows it then
-- read to see which were visible: on a full slot of 4,000 places, 4,000 rows and 1 ms for each refusal,
-- so a rush on one large slot grew with the square of its size. Here a taken place leaves only the dead
-- entry of its free version, which the first scan marks and the next ones skip (0.07 ms for the same
-- slot). Taking a place reads the same index.
CREATE INDEX slot_place_free_idx ON slot_place (slot_id) INCLUDE (free_from) WHERE NOT taken;
DROP INDEX slot_place_untaken_idx;
