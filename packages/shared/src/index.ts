export * from './capabilities';
export * from './dto/admin';
export * from './dto/auth';
export * from './dto/common';
export * from './enums';
export * from './permissions';
export * from './locales';
