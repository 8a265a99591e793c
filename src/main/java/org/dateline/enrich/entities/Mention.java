package org.dateline.enrich.entities;

/**
 * One mention of an entity as written; offsets are character offsets into the text given. canonical
 * is null before resolution.
 */
public record Mention(String text, EntityType type, int start, int end, String canonical) {}
