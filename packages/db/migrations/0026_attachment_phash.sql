-- 64-bit perceptual hash (pHash) of a photo attachment, 16 hex digits; null = not an image, undecodable, or stored before hashing.
ALTER TABLE "case_attachments" ADD COLUMN "phash" text;
