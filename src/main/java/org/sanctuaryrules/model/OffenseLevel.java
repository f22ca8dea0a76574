package org.sanctuaryrules.model;

public enum OffenseLevel { FELONY, MISDEMEANOR, VIOLATION }
