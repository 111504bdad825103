/** SQLite header field `application_id` of every Jenjang database: the bytes "JNJG". */
export const JENJANG_APPLICATION_ID = 0x4a4e4a47;
