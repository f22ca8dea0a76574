package org.sanctuaryrules.model;

/** Which law the conviction was entered under. */
public enum Jurisdiction { NEW_YORK, FEDERAL, OTHER_STATE }
