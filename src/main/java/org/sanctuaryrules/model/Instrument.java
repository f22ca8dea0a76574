package org.sanctuaryrules.model;

/** A document that came with a request (digest § 2). */
public enum Instrument {
    /** Immigration detainer, Form I-247A (earlier I-247D/N/X): a request signed by an ICE officer. */
    DETAINER,
    /** Administrative arrest warrant (Form I-200) or warrant of removal (Form I-205): signed by an ICE officer, not a judge. */
    ADMINISTRATIVE_WARRANT,
    /** Warrant signed by an Article III judge or a federal magistrate judge, on probable cause. */
    JUDICIAL_WARRANT,
    /** An order of a judge (counts where a law says "judicial warrant or judicial order"). */
    JUDICIAL_ORDER,
    /** Criminal arrest warrant or grand-jury subpoena in a federal criminal case. */
    CRIMINAL_PROCESS
}
